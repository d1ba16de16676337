# History pane GUI tests (owned by the history work; included from CMakeLists.txt).
das_add_test(tst_historypane SOURCES tst_historypane.cpp LIBS das_app)
