# What an installed SocketLab must look like under ROOT (a DESTDIR, or an unpacked .deb):
# the binary in bin/ (its layers under lib/socketlab too when SOCKETLAB_SHARED_LAYERS), the
# menu entry, the metainfo and every icon size under share/, and nothing else; the desktop entry's Exec and Icon and the metainfo's launchable name the
# files installed beside them. Needs SOCKETLAB_APP_ID and resources/DesktopFiles.cmake.
function(socketlab_check_installed_tree root)
    set(id ${SOCKETLAB_APP_ID})
    set(expected
        usr/bin/socketlab
        usr/share/applications/${id}.desktop
        usr/share/metainfo/${id}.metainfo.xml
        usr/share/icons/hicolor/scalable/apps/${id}.svg)
    foreach(size IN LISTS SOCKETLAB_ICON_SIZES)
        list(APPEND expected usr/share/icons/hicolor/${size}x${size}/apps/${id}.png)
    endforeach()
    if(SOCKETLAB_SHARED_LAYERS)  # a build with shared layers installs them privately
        foreach(layer IN LISTS SOCKETLAB_LAYER_TARGETS)
            list(APPEND expected usr/${SOCKETLAB_PRIVATE_LIBDIR}/lib${layer}.so)
        endforeach()
    endif()
    file(GLOB_RECURSE found RELATIVE ${root} ${root}/usr/*)
    list(FILTER found EXCLUDE REGEX "^usr/share/doc/")  # the package's own changelog and copyright, if any
    list(SORT expected)
    list(SORT found)
    if(NOT found STREQUAL expected)
        set(missing ${expected})
        list(REMOVE_ITEM missing ${found})
        set(extra ${found})
        list(REMOVE_ITEM extra ${expected})
        message(FATAL_ERROR "installed files differ under ${root}\n  missing: ${missing}\n  unexpected: ${extra}")
    endif()
    file(STRINGS ${root}/usr/share/applications/${id}.desktop exec REGEX "^Exec=")
    file(STRINGS ${root}/usr/share/applications/${id}.desktop icon REGEX "^Icon=")
    file(READ ${root}/usr/share/metainfo/${id}.metainfo.xml metainfo)
    if(NOT exec STREQUAL "Exec=socketlab" OR NOT icon STREQUAL "Icon=${id}")
        message(FATAL_ERROR "the desktop entry starts '${exec}' with icon '${icon}': not the installed socketlab and ${id}")
    endif()
    if(NOT metainfo MATCHES "<launchable type=\"desktop-id\">${id}\\.desktop</launchable>")
        message(FATAL_ERROR "the metainfo does not launch ${id}.desktop")
    endif()

    # The installed binary runs on its own (labs and translations are compiled in).
    execute_process(COMMAND ${root}/usr/bin/socketlab --list-labs --lang zh_CN
        RESULT_VARIABLE status OUTPUT_VARIABLE labs ERROR_VARIABLE errors)
    if(NOT status EQUAL 0 OR NOT labs MATCHES "tcp-timestamp\tTCP 时间戳服务器与客户端")
        message(FATAL_ERROR "the installed socketlab --list-labs gave ${status}:\n${labs}\n${errors}")
    endif()
    list(LENGTH found count)
    message(STATUS "${count} files in place under ${root}; the installed binary lists its labs")
endfunction()
