# History pane at scale (owned by the history work; included from CMakeLists.txt): build/bench/bench_history [rows]
add_executable(bench_history ${CMAKE_CURRENT_LIST_DIR}/bench_history.cpp)
target_link_libraries(bench_history PRIVATE das_app)
das_strict(bench_history)
