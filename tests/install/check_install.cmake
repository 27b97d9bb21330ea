# `cmake --install` into a temporary root (DESTDIR) puts every file where desktops look.
#   cmake -DBINARY_DIR=... -DWORK_DIR=... -DSOURCE_DIR=... -DSOCKETLAB_APP_ID=... -P check_install.cmake
include(${SOURCE_DIR}/resources/DesktopFiles.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/InstalledFiles.cmake)

file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${WORK_DIR}/root
                        ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix /usr
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${status}):\n${out}")
endif()
socketlab_check_installed_tree(${WORK_DIR}/root)
file(REMOVE_RECURSE ${WORK_DIR})
