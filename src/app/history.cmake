# History pane sources (owned by the history work; included from CMakeLists.txt). ui/HistoryPane.ui is found
# by AUTOUIC through #include "ui_HistoryPane.h", like the other forms; listing it here too would make
# several autogen targets claim ui_HistoryPane.h.
target_sources(das_app PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/HistoryPane.cpp ${CMAKE_CURRENT_LIST_DIR}/HistoryPane.h
)
