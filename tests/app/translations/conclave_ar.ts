<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- A partial Arabic translation compiled into test_translated_window only (not shipped):
     enough of the main window for the right-to-left test to read Arabic where it looks. -->
<TS version="2.1" language="ar">
<context>
    <name>Sidebar</name>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Your conversations will appear here.</source>
        <translation>ستظهر محادثاتك هنا.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Conclave</source>
        <translation>مرحبًا بك في Conclave</translation>
    </message>
    <message>
        <source>Open a GGUF model…</source>
        <translation>فتح نموذج GGUF…</translation>
    </message>
</context>
<context>
    <name>SettingsDrawer</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>إغلاق الإعدادات</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
</context>
</TS>
