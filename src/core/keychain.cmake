# Keychain, profiles and credential import (owned by the keychain work; included from CMakeLists.txt).
target_sources(das_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/CredentialImporter.cpp ${CMAKE_CURRENT_LIST_DIR}/CredentialImporter.h
    ${CMAKE_CURRENT_LIST_DIR}/Profile.h
    ${CMAKE_CURRENT_LIST_DIR}/ProfileManager.cpp ${CMAKE_CURRENT_LIST_DIR}/ProfileManager.h
    ${CMAKE_CURRENT_LIST_DIR}/ProfileStore.cpp ${CMAKE_CURRENT_LIST_DIR}/ProfileStore.h
    ${CMAKE_CURRENT_LIST_DIR}/SecretJob.cpp ${CMAKE_CURRENT_LIST_DIR}/SecretJob.h
    ${CMAKE_CURRENT_LIST_DIR}/SecretResult.h
    ${CMAKE_CURRENT_LIST_DIR}/SecretStore.cpp ${CMAKE_CURRENT_LIST_DIR}/SecretStore.h
)
target_link_libraries(das_core PUBLIC qt6keychain)
# On Linux the Secret Service is asked directly whether the keyring is locked (SecretJob).
if(UNIX AND NOT APPLE AND NOT ANDROID)
    find_package(Qt6 REQUIRED COMPONENTS DBus)
    target_link_libraries(das_core PUBLIC Qt6::DBus)
endif()
