# Profile manager and editor (owned by the profiles work; included from CMakeLists.txt). ui/ProfileManagerDialog.ui
# and ui/ProfileEditDialog.ui are found by AUTOUIC through #include "ui_….h"; listing them here too would make
# several autogen targets claim the same header.
target_sources(das_app PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ProfileEditDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/ProfileEditDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/ProfileManagerDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/ProfileManagerDialog.h
)
