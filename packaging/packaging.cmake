# Desktop integration and the .deb (issue 7). Included from the top-level CMakeLists.txt.
# Layout under CMAKE_INSTALL_PREFIX (/usr in the package):
#   bin/nodetriage, bin/nodetriage-sim
#   share/applications/org.nodetriage.NodeTriage.desktop
#   share/metainfo/org.nodetriage.NodeTriage.metainfo.xml
#   share/icons/hicolor/{scalable,16x16,...,256x256}/apps/org.nodetriage.NodeTriage.{svg,png}
#   share/man/man1/nodetriage.1.gz, nodetriage-sim.1.gz
#   share/doc/nodetriage/copyright (Debian names the directory after the package)
include(GNUInstallDirs)

set(NT_APP_ID org.nodetriage.NodeTriage)
set(NT_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})

install(FILES ${NT_PACKAGING_DIR}/${NT_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${NT_PACKAGING_DIR}/${NT_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${NT_PACKAGING_DIR}/icons/nodetriage.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${NT_APP_ID}.svg)

# PNG sizes are rendered from the one SVG at build time (librsvg2-bin), never committed.
find_program(RSVG_CONVERT rsvg-convert)
if(RSVG_CONVERT)
    set(_pngs)
    foreach(size 16 22 24 32 48 64 128 256)
        set(_png ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}/${NT_APP_ID}.png)
        add_custom_command(OUTPUT ${_png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}
            COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} ${NT_PACKAGING_DIR}/icons/nodetriage.svg
                    -o ${_png}
            DEPENDS ${NT_PACKAGING_DIR}/icons/nodetriage.svg VERBATIM)
        list(APPEND _pngs ${_png})
        install(FILES ${_png}
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    add_custom_target(nt_icons ALL DEPENDS ${_pngs})
else()
    message(WARNING "rsvg-convert (librsvg2-bin) not found: only the scalable icon is installed")
endif()

# Man pages, compressed as Debian policy wants them.
find_program(GZIP_PROGRAM gzip REQUIRED)
set(_mans)
foreach(page nodetriage.1 nodetriage-sim.1)
    set(_gz ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.gz)
    add_custom_command(OUTPUT ${_gz}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
        COMMAND ${GZIP_PROGRAM} -9 -n -c ${NT_PACKAGING_DIR}/${page} > ${_gz}
        DEPENDS ${NT_PACKAGING_DIR}/${page} VERBATIM)
    list(APPEND _mans ${_gz})
endforeach()
add_custom_target(nt_manpages ALL DEPENDS ${_mans})
install(FILES ${_mans} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(FILES ${NT_PACKAGING_DIR}/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/nodetriage) # Debian: named after the package

# --- CPack: the .deb -------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nodetriage)
set(CPACK_PACKAGE_VENDOR "The NodeTriage developers")
set(CPACK_PACKAGE_CONTACT "The NodeTriage developers <maintainers@nodetriage.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Troubleshooter for the health of AKS worker nodes")
set(CPACK_PACKAGE_DESCRIPTION
    "NodeTriage walks through the six steps of an AKS worker-node health investigation with\n\
live charts, an SSH console, a headless check command and a simulated demo cluster.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/COPYING)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # nodetriage_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies come from the binaries themselves (dpkg-shlibdeps), so they are right by
# construction. What no ELF header says: Qt's platform plugins for the window, and the fonts the
# Chinese interface and PDF need.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n, openssh-client, kubectl | kubernetes-client")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "prometheus-node-exporter")
set(CPACK_STRIP_FILES ON)
# Only the programs and their data: no test or benchmark binary ends up in the package (they
# are never installed; this keeps it so if one ever is).
set(CPACK_COMPONENTS_ALL Unspecified)
include(CPack)

# The desktop file and the AppStream metadata validate as desktop environments and software
# centres will read them.
if(NODETRIAGE_BUILD_TESTS)
    find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
    find_program(APPSTREAMCLI appstreamcli)
    if(DESKTOP_FILE_VALIDATE)
        add_test(NAME packaging.desktop-file
                 COMMAND ${DESKTOP_FILE_VALIDATE} ${NT_PACKAGING_DIR}/${NT_APP_ID}.desktop)
    endif()
    if(APPSTREAMCLI)
        add_test(NAME packaging.metainfo
                 COMMAND ${APPSTREAMCLI} validate --no-net
                         ${NT_PACKAGING_DIR}/${NT_APP_ID}.metainfo.xml)
    endif()
endif()
