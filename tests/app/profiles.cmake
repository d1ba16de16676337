# Profile manager and editor GUI tests (owned by the profiles work; included from CMakeLists.txt). They write to
# a real Secret Service, so they carry the "keychain" label and run under scripts/with-keyring (the test refuses
# to touch a real keyring without DAS_TEST_KEYRING=1).
das_add_test(tst_profiledialogs SOURCES tst_profiledialogs.cpp LIBS das_app)
target_include_directories(tst_profiledialogs PRIVATE ${CMAKE_SOURCE_DIR}/tests/keychain)
set_tests_properties(tst_profiledialogs PROPERTIES LABELS keychain)
