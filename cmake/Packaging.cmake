# Packaging: `cpack -G DEB` (scripts/package) from the same install rules as `cmake --install`. The version is
# project(VERSION); packaging/debian/changelog must start with that version (checked here) and gives the
# release date and notes to the AppStream metainfo.
include(GNUInstallDirs)

set(DAS_APPSTREAM_ID io.github.das_connect.DasConnect)
set(DAS_SCREENSHOT_BASE_URL "" CACHE STRING
    "https:// address of a folder holding resources/screenshots/*.png, listed in the AppStream metainfo; empty: none")
set(DAS_HOMEPAGE_URL "" CACHE STRING "https:// address of the project's home page for the package; empty: none")

# The first changelog entry: "das-connect (VERSION) …", its items and its " -- NAME <MAIL>  Day, DD Mon YYYY …"
# line. The changelog is the one release history: the package's changelog.Debian.gz and the metainfo's
# <release> both come from it.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog)
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog das_changelog_head LIMIT_COUNT 40)
list(GET das_changelog_head 0 das_changelog_first)
if(NOT das_changelog_first MATCHES "^das-connect \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "packaging/debian/changelog must start with an entry for ${PROJECT_VERSION} "
                        "(project(VERSION)); it starts: ${das_changelog_first}")
endif()
# Its text becomes the AppStream release description: one paragraph per "  * " item.
set(DAS_RELEASE_NOTES "")
foreach(line IN LISTS das_changelog_head)
    if(line MATCHES "^  \\* (.*)$")
        if(DAS_RELEASE_NOTES)
            string(APPEND DAS_RELEASE_NOTES "</p>\n        <p>")
        endif()
        string(APPEND DAS_RELEASE_NOTES "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^    (.*)$" AND DAS_RELEASE_NOTES)
        string(APPEND DAS_RELEASE_NOTES " ${CMAKE_MATCH_1}")
    endif()
    if(line MATCHES "^ -- (.+ <[^>]+>)  [A-Z][a-z][a-z], ([0-9]+) ([A-Z][a-z][a-z]) ([0-9][0-9][0-9][0-9]) ")
        set(das_maintainer "${CMAKE_MATCH_1}")
        set(das_day "${CMAKE_MATCH_2}")
        set(das_month_name "${CMAKE_MATCH_3}")
        set(das_year "${CMAKE_MATCH_4}")
        break()
    endif()
endforeach()
string(REPLACE "&" "&amp;" DAS_RELEASE_NOTES "${DAS_RELEASE_NOTES}")
string(REPLACE "<" "&lt;" DAS_RELEASE_NOTES "${DAS_RELEASE_NOTES}")
string(REPLACE ">" "&gt;" DAS_RELEASE_NOTES "${DAS_RELEASE_NOTES}")
string(REPLACE "&lt;/p&gt;\n        &lt;p&gt;" "</p>\n        <p>" DAS_RELEASE_NOTES "${DAS_RELEASE_NOTES}")
if(NOT das_maintainer)
    message(FATAL_ERROR "packaging/debian/changelog: no trailer line in its first entry")
endif()
set(das_months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
list(FIND das_months "${das_month_name}" das_month)
math(EXPR das_month "${das_month} + 1" OUTPUT_FORMAT DECIMAL)
string(LENGTH "${das_month}" das_len)
if(das_len EQUAL 1)
    set(das_month "0${das_month}")
endif()
string(LENGTH "${das_day}" das_len)
if(das_len EQUAL 1)
    set(das_day "0${das_day}")
endif()
set(DAS_RELEASE_DATE "${das_year}-${das_month}-${das_day}")

# AppStream metainfo: screenshots and homepage need https addresses, which exist only once published.
set(DAS_METAINFO_URLS "")
if(DAS_HOMEPAGE_URL)
    set(DAS_METAINFO_URLS "  <url type=\"homepage\">${DAS_HOMEPAGE_URL}</url>\n")
endif()
set(DAS_METAINFO_SCREENSHOTS "")
if(DAS_SCREENSHOT_BASE_URL)
    string(APPEND DAS_METAINFO_SCREENSHOTS
        "  <screenshots>\n"
        "    <screenshot type=\"default\">\n"
        "      <caption>The window on the built-in sandbox after one create</caption>\n"
        "      <image>${DAS_SCREENSHOT_BASE_URL}/das-connect.png</image>\n"
        "    </screenshot>\n"
        "    <screenshot>\n"
        "      <caption>The connections DAS holds</caption>\n"
        "      <image>${DAS_SCREENSHOT_BASE_URL}/das-connect-on-das.png</image>\n"
        "    </screenshot>\n"
        "    <screenshot>\n"
        "      <caption>The window in Chinese</caption>\n"
        "      <image>${DAS_SCREENSHOT_BASE_URL}/das-connect-zh_CN.png</image>\n"
        "    </screenshot>\n"
        "  </screenshots>\n")
endif()
set(das_metainfo ${CMAKE_BINARY_DIR}/metainfo/${DAS_APPSTREAM_ID}.metainfo.xml)
configure_file(${PROJECT_SOURCE_DIR}/resources/${DAS_APPSTREAM_ID}.metainfo.xml.in ${das_metainfo} @ONLY)
install(FILES ${das_metainfo} DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# What Debian policy wants in every package's doc folder: the copyright and the changelog (gzip -9n: no name
# or time stamp, so the package is reproducible).
set(das_changelog_gz ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz)
add_custom_command(
    OUTPUT ${das_changelog_gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
    COMMAND ${DAS_GZIP} -9nc ${PROJECT_SOURCE_DIR}/packaging/debian/changelog > ${das_changelog_gz}
    DEPENDS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog
    VERBATIM)
add_custom_target(das_changelog ALL DEPENDS ${das_changelog_gz})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${das_changelog_gz}
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME das-connect)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "DAS Connect maintainers")
set(CPACK_PACKAGE_CONTACT "${das_maintainer}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "create Huawei Cloud DAS instance connections")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description under it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "DAS Connect registers database instances with Huawei Cloud Data Admin\n"
    "Service (DAS): one connection at a time or many from a CSV or JSON file,\n"
    "with a history of the creates made on this computer and profile secrets\n"
    "kept in the OS keychain.\n"
    ".\n"
    "This package holds the das-connect window, the das-connect-cli\n"
    "command-line client and das-sandbox, a local stand-in for DAS that needs\n"
    "no account.")
string(REPLACE ";" "" CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_DEBIAN_PACKAGE_DESCRIPTION}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # das-connect_VERSION-REVISION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(DAS_HOMEPAGE_URL)
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${DAS_HOMEPAGE_URL}")
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What the executables load at run time, which dpkg-shlibdeps cannot see: the SVG image and icon engine
# plugins (the history uses SQLite's own library, which shlibdeps sees). The TLS backend (Debian ships the OpenSSL one in libqt6network6) and the
# platform plugins (xcb, offscreen: libqt6gui6) come with libraries shlibdeps already lists.
# QtKeychain loads libsecret at run time (dlopen), so shlibdeps cannot see it either; without it there is no
# Secret Service keychain.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, libsecret-1-0")
# Profiles keep their secrets in a Secret Service; without one the app still works with environment keys.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fonts-noto-cjk")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_SET_DESTDIR OFF)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\\\.git/")
include(CPack)
