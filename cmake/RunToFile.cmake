# cmake -DPROGRAM=… -DARGUMENT=… -DOUTPUT=… -P RunToFile.cmake: runs PROGRAM ARGUMENT and writes its stdout to
# OUTPUT, failing the build (and leaving no partial file) when it fails. For the generated man pages and
# completions: a shell redirection would leave an empty file behind on failure.
execute_process(COMMAND "${PROGRAM}" "${ARGUMENT}" OUTPUT_FILE "${OUTPUT}.tmp" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    file(REMOVE "${OUTPUT}.tmp")
    message(FATAL_ERROR "${PROGRAM} ${ARGUMENT} failed: ${status}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
