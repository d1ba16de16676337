# History table model, proxy and exporter (owned by the history work; included from CMakeLists.txt).
target_sources(das_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/HistoryExporter.cpp ${CMAKE_CURRENT_LIST_DIR}/HistoryExporter.h
    ${CMAKE_CURRENT_LIST_DIR}/HistoryProxyModel.cpp ${CMAKE_CURRENT_LIST_DIR}/HistoryProxyModel.h
    ${CMAKE_CURRENT_LIST_DIR}/HistoryTableModel.cpp ${CMAKE_CURRENT_LIST_DIR}/HistoryTableModel.h
)
