# The desktop entry and the AppStream metainfo pass their validators: desktop-file-validate
# (package desktop-file-utils) and appstreamcli validate (package appstream), the metainfo
# both as built and with screenshots (as SOCKETLAB_DOCS_URL makes it). Prints SKIPPED when
# the validator is not installed.
#   cmake -DTOOL=desktop-file-validate|appstreamcli -DDESKTOP_ENTRY=... -DMETAINFO=... -DWORK_DIR=...
#         -DSOURCE_DIR=... -DSOCKETLAB_APP_ID=... -P check_desktop_files.cmake
include(${SOURCE_DIR}/resources/DesktopFiles.cmake)

find_program(validator ${TOOL})
if(NOT validator)
    message("SKIPPED: ${TOOL} not installed")
    return()
endif()

function(validate)
    execute_process(COMMAND ${validator} ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
    message(STATUS "${TOOL} ${ARGN}:\n${out}")
    # desktop-file-validate exits 0 on warnings: they fail here too. Hints do not.
    if(NOT status EQUAL 0 OR out MATCHES "(error|warning): ")
        message(FATAL_ERROR "${TOOL} rejects ${ARGN}")
    endif()
endfunction()

if(TOOL STREQUAL "desktop-file-validate")
    validate(${DESKTOP_ENTRY})
else()
    file(REMOVE_RECURSE ${WORK_DIR})
    set(with_screenshots ${WORK_DIR}/${SOCKETLAB_APP_ID}.metainfo.xml)
    socketlab_configure_metainfo(${with_screenshots} "https://example.org/socketlab/docs")
    file(READ ${with_screenshots} text)
    if(NOT text MATCHES "<image>https://example.org/socketlab/docs/window-en.png</image>")
        message(FATAL_ERROR "SOCKETLAB_DOCS_URL did not bring the screenshots in:\n${text}")
    endif()
    validate(validate --no-net ${METAINFO})
    validate(validate --no-net ${with_screenshots})
    file(REMOVE_RECURSE ${WORK_DIR})
endif()
