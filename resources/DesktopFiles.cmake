# SocketLab on the desktop: the application icon (one SVG; its PNG sizes rendered from it at
# build time), the freedesktop menu entry and the AppStream metainfo, named after the
# application id SOCKETLAB_APP_ID. The window's icons go into the binary as Qt resources;
# `cmake --install` puts each file where desktops and software centres look for it.
# The configure functions also serve tests/check_desktop_files.cmake (script mode).

set(SOCKETLAB_RESOURCES_DIR ${CMAKE_CURRENT_LIST_DIR})
set(SOCKETLAB_ICON_SVG ${SOCKETLAB_RESOURCES_DIR}/icons/socketlab.svg)
set(SOCKETLAB_ICON_SIZES 16 22 24 32 48 64 128 256)  # the hicolor theme's usual sizes
set(SOCKETLAB_ICON_THEME_DIR ${PROJECT_BINARY_DIR}/icons/hicolor)  # the rendered PNGs, as installed
set(SOCKETLAB_DESKTOP_ENTRY ${PROJECT_BINARY_DIR}/desktop/${SOCKETLAB_APP_ID}.desktop)
set(SOCKETLAB_METAINFO ${PROJECT_BINARY_DIR}/desktop/${SOCKETLAB_APP_ID}.metainfo.xml)
set(SOCKETLAB_PRIVATE_LIBDIR lib/socketlab)  # the layers' shared libraries, when built so
set(SOCKETLAB_LAYER_TARGETS socketlab_core socketlab_lab socketlab_ui socketlab_cli)  # installed there

function(socketlab_configure_desktop_entry output)
    configure_file(${SOCKETLAB_RESOURCES_DIR}/socketlab.desktop.in ${output} @ONLY)
endfunction()

# docs_url: the https address where docs/ is served; empty leaves the screenshots out.
function(socketlab_configure_metainfo output docs_url)
    set(SOCKETLAB_METAINFO_SCREENSHOTS "")
    if(docs_url)
        set(SOCKETLAB_DOCS_URL ${docs_url})
        file(READ ${SOCKETLAB_RESOURCES_DIR}/socketlab.screenshots.xml.in screenshots)
        string(CONFIGURE "${screenshots}" SOCKETLAB_METAINFO_SCREENSHOTS @ONLY)
    endif()
    configure_file(${SOCKETLAB_RESOURCES_DIR}/socketlab.metainfo.xml.in ${output} @ONLY)
endfunction()

# Gives target the application icon as Qt resources (:/icons/socketlab-<size>.png), its
# PNGs rendered from the SVG at build time.
function(socketlab_add_app_icon target)
    # The renderer is a build tool, never shipped: no sanitizers, whatever the preset.
    qt_add_executable(socketlab_render_icon ${SOCKETLAB_RESOURCES_DIR}/tools/render_icon.cpp)
    target_link_libraries(socketlab_render_icon PRIVATE Qt6::Gui Qt6::Svg socketlab_warnings)
    set_target_properties(socketlab_render_icon PROPERTIES COMPILE_OPTIONS "" LINK_OPTIONS "")

    set(theme ${SOCKETLAB_ICON_THEME_DIR})
    set(pngs "")
    foreach(size IN LISTS SOCKETLAB_ICON_SIZES)
        set(png ${theme}/${size}x${size}/apps/${SOCKETLAB_APP_ID}.png)
        list(APPEND pngs ${png})
        set_source_files_properties(${png} PROPERTIES QT_RESOURCE_ALIAS socketlab-${size}.png)
    endforeach()
    add_custom_command(OUTPUT ${pngs}
        COMMAND socketlab_render_icon ${SOCKETLAB_ICON_SVG} ${theme} ${SOCKETLAB_APP_ID} ${SOCKETLAB_ICON_SIZES}
        DEPENDS socketlab_render_icon ${SOCKETLAB_ICON_SVG}
        COMMENT "Rendering the application icon at ${SOCKETLAB_ICON_SIZES} px")
    qt_add_resources(${target} "app_icon" PREFIX "/icons" FILES ${pngs})
    target_compile_definitions(${target} PRIVATE SOCKETLAB_APP_ID="${SOCKETLAB_APP_ID}")
endfunction()

# `cmake --install`: the binary target, the desktop entry, the metainfo and the icons
# (after socketlab_add_app_icon), each where desktops and software centres look for it.
function(socketlab_install_desktop_files target)
    socketlab_configure_desktop_entry(${SOCKETLAB_DESKTOP_ENTRY})
    socketlab_configure_metainfo(${SOCKETLAB_METAINFO} "${SOCKETLAB_DOCS_URL}")

    include(GNUInstallDirs)
    set(icons ${CMAKE_INSTALL_DATADIR}/icons/hicolor)
    install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    if(SOCKETLAB_SHARED_LAYERS)
        # The layers are private to the program: beside it under lib/socketlab, found
        # through its RUNPATH, never on the system's library path.
        install(TARGETS ${SOCKETLAB_LAYER_TARGETS} LIBRARY DESTINATION ${SOCKETLAB_PRIVATE_LIBDIR})
        set_target_properties(${target} PROPERTIES INSTALL_RPATH "$ORIGIN/../${SOCKETLAB_PRIVATE_LIBDIR}")
        set_target_properties(${SOCKETLAB_LAYER_TARGETS} PROPERTIES INSTALL_RPATH "$ORIGIN")
    endif()
    install(FILES ${SOCKETLAB_DESKTOP_ENTRY} DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${SOCKETLAB_METAINFO} DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${SOCKETLAB_ICON_SVG} DESTINATION ${icons}/scalable/apps RENAME ${SOCKETLAB_APP_ID}.svg)
    foreach(size IN LISTS SOCKETLAB_ICON_SIZES)
        install(FILES ${SOCKETLAB_ICON_THEME_DIR}/${size}x${size}/apps/${SOCKETLAB_APP_ID}.png DESTINATION ${icons}/${size}x${size}/apps)
    endforeach()
endfunction()
