# What `cmake --install` puts where, for the packages (installer/ConclavePackaging.cmake) and for
# a plain install. Included from the top CMakeLists.txt after app/ (the `conclave` target) and
# engine/tools/ (which installs conclave-cli into bin/ itself).
#
# Linux (the .deb and the tarball share one relative layout, so the tarball runs from any
# folder): bin/conclave, bin/conclave-cli, and under share/ the desktop entry, the AppStream
# metainfo, the MIME type of GGUF files and the icons in the hicolor theme. Everything of ours
# is linked statically (the engine, storage, the UI with its QML compiled in as resources, the
# translations), so the binaries need no RPATH: they find only the system's Qt 6 and C++
# runtime, through the usual library path.
#
# Windows and macOS: the settings for the NSIS installer and the DragNDrop bundle, including
# Qt's deployment script that copies the Qt libraries and QML modules beside the program. Not
# built or tested on those systems yet (docs/packaging.md).
include(GNUInstallDirs)

set(CONCLAVE_APP_ID io.github.conclave.Conclave)
set(conclave_installer_dir ${CMAKE_CURRENT_LIST_DIR})
set(conclave_icons_dir ${PROJECT_SOURCE_DIR}/resources/icons)

if(APPLE)
    # Conclave.app with the icon and the Info.plist that declares GGUF documents.
    set(conclave_icns ${conclave_icons_dir}/conclave.icns)
    target_sources(conclave PRIVATE ${conclave_icns})
    set_source_files_properties(${conclave_icns} TARGET_DIRECTORY conclave
        PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set_target_properties(conclave PROPERTIES
        MACOSX_BUNDLE ON
        OUTPUT_NAME Conclave
        MACOSX_BUNDLE_INFO_PLIST ${conclave_installer_dir}/macos/Info.plist.in
        MACOSX_BUNDLE_GUI_IDENTIFIER ${CONCLAVE_APP_ID}
        MACOSX_BUNDLE_BUNDLE_NAME Conclave
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_ICON_FILE conclave.icns)
    install(TARGETS conclave BUNDLE DESTINATION .)
elseif(WIN32)
    # A window program (no console) with the icon and version resource.
    configure_file(${conclave_installer_dir}/windows/conclave.rc.in ${CMAKE_BINARY_DIR}/conclave.rc @ONLY)
    target_sources(conclave PRIVATE ${CMAKE_BINARY_DIR}/conclave.rc)
    set_target_properties(conclave PROPERTIES WIN32_EXECUTABLE ON)
    install(TARGETS conclave RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
else()
    install(TARGETS conclave RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(FILES ${conclave_installer_dir}/linux/${CONCLAVE_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    configure_file(${conclave_installer_dir}/linux/${CONCLAVE_APP_ID}.metainfo.xml
        ${CMAKE_BINARY_DIR}/installer/${CONCLAVE_APP_ID}.metainfo.xml @ONLY)
    install(FILES ${CMAKE_BINARY_DIR}/installer/${CONCLAVE_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${conclave_installer_dir}/linux/${CONCLAVE_APP_ID}.mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${CONCLAVE_APP_ID}.xml)
    install(DIRECTORY ${conclave_icons_dir}/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/${CONCLAVE_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()

if(WIN32 OR APPLE)
    # windeployqt / macdeployqt through Qt's script: the Qt libraries, plugins and the QML
    # modules the UI imports, beside the program (Windows) or inside the bundle (macOS).
    qt_generate_deploy_qml_app_script(TARGET conclave OUTPUT_SCRIPT conclave_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${conclave_deploy_script})
endif()
