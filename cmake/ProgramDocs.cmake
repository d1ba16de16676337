# das_program_docs(TARGET): after TARGET is built, runs it with the hidden --help-man and --bash-completion
# (packaging/docgen) to write build/man/TARGET.1 and build/completions/TARGET, and installs both, the page
# compressed as Debian policy wants (gzip -9n: no name or time stamp, reproducible). The pages come from the
# options the executable parses, so they cannot drift from --help.
include(GNUInstallDirs)
find_program(DAS_GZIP gzip REQUIRED)

function(das_program_docs target)
    set(man ${CMAKE_BINARY_DIR}/man/${target}.1)
    set(completion ${CMAKE_BINARY_DIR}/completions/${target})
    # Offscreen: the window's executable builds a QApplication. No leak check: a sanitized build
    # (DAS_SANITIZE) runs these too, and this is not a test.
    set(run ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE= ASAN_OPTIONS=detect_leaks=0
            ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}>)
    add_custom_command(
        OUTPUT ${man} ${man}.gz ${completion}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man ${CMAKE_BINARY_DIR}/completions
        COMMAND ${run} -DARGUMENT=--help-man -DOUTPUT=${man} -P ${PROJECT_SOURCE_DIR}/cmake/RunToFile.cmake
        COMMAND ${run} -DARGUMENT=--bash-completion -DOUTPUT=${completion}
                -P ${PROJECT_SOURCE_DIR}/cmake/RunToFile.cmake
        COMMAND ${DAS_GZIP} -9nkf ${man}
        DEPENDS ${target} ${PROJECT_SOURCE_DIR}/cmake/RunToFile.cmake
        COMMENT "Writing the man page and bash completion of ${target}"
        VERBATIM)
    add_custom_target(${target}_docs ALL DEPENDS ${man} ${man}.gz ${completion})
    install(FILES ${man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
endfunction()
