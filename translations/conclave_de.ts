<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BranchSwitcher</name>
    <message>
        <source>Previous version</source>
        <translation>Vorherige Version</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Nächste Version</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Ask %1 anything.</source>
        <translation>Frag %1, was du willst.</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>das Modell</translation>
    </message>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ Zum Neuesten</translation>
    </message>
    <message>
        <source>Editing a message — sending makes a new branch with a new answer</source>
        <translation>Nachricht wird bearbeitet – Senden erzeugt einen neuen Zweig mit einer neuen Antwort</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ChatStorage</name>
    <message>
        <source>The database was written by a newer Conclave and was left untouched. Update Conclave to see your conversations; until then new chats are not saved.</source>
        <translation>Die Datenbank stammt von einer neueren Conclave-Version und wurde nicht verändert. Aktualisiere Conclave, um deine Unterhaltungen zu sehen; bis dahin werden neue Chats nicht gespeichert.</translation>
    </message>
    <message>
        <source>Make the data folder writable and restart Conclave; until then new chats are not saved.</source>
        <translation>Mach den Datenordner beschreibbar und starte Conclave neu; bis dahin werden neue Chats nicht gespeichert.</translation>
    </message>
    <message>
        <source>Restart Conclave to try again; until then new chats are not saved.</source>
        <translation>Starte Conclave neu, um es erneut zu versuchen; bis dahin werden neue Chats nicht gespeichert.</translation>
    </message>
    <message>
        <source>The conversation database was damaged</source>
        <translation>Die Datenbank der Unterhaltungen war beschädigt</translation>
    </message>
    <message>
        <source>Check the recovered conversations; the damaged file is kept for a closer look.</source>
        <translation>Prüfe die wiederhergestellten Unterhaltungen; die beschädigte Datei bleibt zur genaueren Untersuchung erhalten.</translation>
    </message>
    <message>
        <source>Conversations cannot be saved</source>
        <translation>Unterhaltungen können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>It was moved to %1. Recovered: %2, %3.</source>
        <translation>Sie wurde nach %1 verschoben. Wiederhergestellt: %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversations</source>
        <translation>
            <numerusform>%n Unterhaltung</numerusform>
            <numerusform>%n Unterhaltungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Open in code panel</source>
        <translation>Im Code-Bereich öffnen</translation>
    </message>
    <message>
        <source>Open the code in the code panel</source>
        <translation>Den Code im Code-Bereich öffnen</translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <source>Paste code here, or open a file (Ctrl+O) or drop one.</source>
        <translation>Code hier einfügen, eine Datei öffnen (Strg+O) oder hierher ziehen.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Open a source file</source>
        <translation>Quelldatei öffnen</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>Letzte Sitzungen</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>„%1“ gelöscht</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Save the code</source>
        <translation>Code speichern</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open a file in the code panel</source>
        <translation>Eine Datei im Code-Bereich öffnen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the code to its file</source>
        <translation>Den Code in seine Datei speichern</translation>
    </message>
    <message>
        <source>Discuss in chat</source>
        <translation>Im Chat besprechen</translation>
    </message>
    <message>
        <source>Discuss the code in a new chat</source>
        <translation>Den Code in einem neuen Chat besprechen</translation>
    </message>
    <message>
        <source>Close the code panel</source>
        <translation>Code-Bereich schließen</translation>
    </message>
    <message>
        <source>“%1” changed on disk since it was opened. Overwrite it?</source>
        <translation>„%1“ wurde seit dem Öffnen auf der Festplatte geändert. Überschreiben?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The selection: %1 of %2 tokens of context</source>
        <translation>Die Auswahl: %1 von %2 Token Kontext</translation>
    </message>
    <message>
        <source>The code: %1 of %2 tokens of context</source>
        <translation>Der Code: %1 von %2 Token Kontext</translation>
    </message>
    <message>
        <source>too large: select less</source>
        <translation>zu groß: weniger auswählen</translation>
    </message>
    <message>
        <source>too large for the model: select a part, and tasks use the selection</source>
        <translation>zu groß für das Modell: einen Teil auswählen, die Aufgaben nutzen dann die Auswahl</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <source>Write tests</source>
        <translation>Tests schreiben</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumentieren</translation>
    </message>
    <message>
        <source>Convert to</source>
        <translation>Umwandeln in</translation>
    </message>
    <message>
        <source>Convert to another language</source>
        <translation>In eine andere Sprache umwandeln</translation>
    </message>
    <message>
        <source>Language to convert to</source>
        <translation>Zielsprache</translation>
    </message>
    <message>
        <source>An instruction, or the problem for Fix</source>
        <translation>Eine Anweisung oder das Problem für „Beheben“</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Ask the model to follow the instruction</source>
        <translation>Das Modell die Anweisung ausführen lassen</translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Änderung %1</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Apply the change to the code</source>
        <translation>Die Änderung in den Code übernehmen</translation>
    </message>
    <message>
        <source>Copy as unified diff</source>
        <translation>Als Unified Diff kopieren</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Start with an empty code panel</source>
        <translation>Mit einem leeren Code-Bereich beginnen</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Show the change side by side</source>
        <translation>Die Änderung nebeneinander zeigen</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message the model — Enter to send, Shift+Enter for a new line</source>
        <translation>Nachricht an das Modell – Eingabe zum Senden, Umschalt+Eingabe für eine neue Zeile</translation>
    </message>
    <message>
        <source>Open a model to start chatting</source>
        <translation>Öffne ein Modell, um zu chatten</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Anhalten (Esc)</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabe)</translation>
    </message>
    <message>
        <source>This message does not fit in the context (%1 tokens). Start a new chat, or shorten the message.</source>
        <translation>Diese Nachricht passt nicht in den Kontext (%1 Token). Beginne einen neuen Chat oder kürze die Nachricht.</translation>
    </message>
    <message>
        <source>The context is nearly full: the answer will stop when it reaches %1 tokens. A new chat starts empty.</source>
        <translation>Der Kontext ist fast voll: Die Antwort endet, wenn sie %1 Token erreicht. Ein neuer Chat beginnt leer.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Message the model — Ctrl+Enter to send, Enter for a new line</source>
        <translation>Nachricht an das Modell – Strg+Eingabe zum Senden, Eingabe für eine neue Zeile</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Token</translation>
    </message>
    <message>
        <source>Context used: %1 of %2 tokens</source>
        <translation>Belegter Kontext: %1 von %2 Token</translation>
    </message>
</context>
<context>
    <name>ConversationSettingsPopup</name>
    <message>
        <source>Own value for %1</source>
        <translation>Eigener Wert für %1</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Einstellungen der Unterhaltung</translation>
    </message>
    <message>
        <source>Close conversation settings</source>
        <translation>Einstellungen der Unterhaltung schließen</translation>
    </message>
    <message>
        <source>For “%1” only. A value not ticked follows the model&apos;s settings.</source>
        <translation>Nur für „%1“. Ein Wert ohne Haken folgt den Einstellungen des Modells.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>No system prompt</source>
        <translation>Kein Systemprompt</translation>
    </message>
    <message>
        <source>Conversation system prompt</source>
        <translation>Systemprompt der Unterhaltung</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Seed (−1: random)</source>
        <translation>Seed (−1: zufällig)</translation>
    </message>
    <message>
        <source>Changes apply to the next answer.</source>
        <translation>Änderungen gelten ab der nächsten Antwort.</translation>
    </message>
    <message>
        <source>Use model defaults</source>
        <translation>Werte des Modells verwenden</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>Höchstens Token pro Antwort</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Nachdenken</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Denkaufwand</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
</context>
<context>
    <name>ConversationStore</name>
    <message>
        <source>The conversations are kept in memory this session (the database could not be opened), so they cannot be exported or imported.</source>
        <translation>Die Unterhaltungen liegen in dieser Sitzung nur im Arbeitsspeicher (die Datenbank ließ sich nicht öffnen) und können daher nicht exportiert oder importiert werden.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Hide details</source>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Conclave</source>
        <translation>%1 – Conclave</translation>
    </message>
    <message>
        <source>Conclave</source>
        <translation>Conclave</translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation>GGUF-Modell öffnen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Drop to attach the file to your message</source>
        <translation>Loslassen, um die Datei an deine Nachricht anzuhängen</translation>
    </message>
    <message>
        <source>Drop to open the model</source>
        <translation>Loslassen, um das Modell zu öffnen</translation>
    </message>
    <message>
        <source>Drop to open the file in the code panel</source>
        <translation>Loslassen, um die Datei im Code-Bereich zu öffnen</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach …</translation>
    </message>
    <message>
        <source>Thought process</source>
        <translation>Gedankengang</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Antwort kopieren</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Regenerate the answer</source>
        <translation>Antwort neu erzeugen</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Loading %1</source>
        <translation>%1 wird geladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1
Click to choose another model</source>
        <translation>%1
Klicken, um ein anderes Modell zu wählen</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>%1 ctx</source>
        <translation>%1 Kontext</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>Modell öffnen …</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Runs on the GPU</source>
        <translation>Läuft auf der GPU</translation>
    </message>
    <message>
        <source>Runs on the CPU</source>
        <translation>Läuft auf der CPU</translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+Shift+S): this conversation has its own</source>
        <translation>Einstellungen der Unterhaltung (Strg+Umschalt+S): diese Unterhaltung hat eigene</translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+Shift+S)</source>
        <translation>Einstellungen der Unterhaltung (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Einstellungen der Unterhaltung</translation>
    </message>
</context>
<context>
    <name>ModelCardView</name>
    <message>
        <source>Reading the model file</source>
        <translation>Modelldatei wird gelesen</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>Experten</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>Trained context</source>
        <translation>Trainierter Kontext</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Benötigter Speicher</translation>
    </message>
    <message>
        <source>about %1 at %2 tokens of context</source>
        <translation>etwa %1 bei %2 Token Kontext</translation>
    </message>
    <message>
        <source>Memory available</source>
        <translation>Verfügbarer Speicher</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the model list</source>
        <translation>Zurück zur Modellliste</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
</context>
<context>
    <name>ModelPickerPopup</name>
    <message>
        <source>Add a folder to search for models</source>
        <translation>Ordner hinzufügen, in dem nach Modellen gesucht wird</translation>
    </message>
    <message>
        <source>Filter models</source>
        <translation>Modelle filtern</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Looking for models…</source>
        <translation>Suche nach Modellen …</translation>
    </message>
    <message>
        <source>No model matches</source>
        <translation>Kein Modell passt</translation>
    </message>
    <message>
        <source>No GGUF models found. Open a file, or add the folder that holds your models.</source>
        <translation>Keine GGUF-Modelle gefunden. Öffne eine Datei oder füge den Ordner mit deinen Modellen hinzu.</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>GGUF-Datei öffnen …</translation>
    </message>
    <message>
        <source>Open a GGUF file</source>
        <translation>Eine GGUF-Datei öffnen</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen …</translation>
    </message>
    <message>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <source>Stop searching %1</source>
        <translation>%1 nicht mehr durchsuchen</translation>
    </message>
    <message>
        <source>Remove the folder %1</source>
        <translation>Ordner %1 entfernen</translation>
    </message>
    <message>
        <source>Looking for models</source>
        <translation>Suche nach Modellen</translation>
    </message>
    <message>
        <source>Locate the model file</source>
        <translation>Modelldatei suchen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>Aus den Favoriten entfernen</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>Zu den Favoriten hinzufügen</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Remove from recent</source>
        <translation>Aus „Zuletzt verwendet“ entfernen</translation>
    </message>
</context>
<context>
    <name>ModelRow</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (favourite), %2</source>
        <translation>%1 (Favorit), %2</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>Aus den Favoriten entfernen</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>Zu den Favoriten hinzufügen</translation>
    </message>
    <message>
        <source>Remove %1 from favourites</source>
        <translation>%1 aus den Favoriten entfernen</translation>
    </message>
    <message>
        <source>Add %1 to favourites</source>
        <translation>%1 zu den Favoriten hinzufügen</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Aktionen für %1</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search all conversations</source>
        <translation>Alle Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Type to search messages and titles</source>
        <translation>Tippen, um Nachrichten und Titel zu durchsuchen</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Keine Treffer</translation>
    </message>
</context>
<context>
    <name>SessionsPopup</name>
    <message>
        <source>Delete the session</source>
        <translation>Sitzung löschen</translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>Noch keine Sitzungen</translation>
    </message>
</context>
<context>
    <name>SettingsDrawer</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Einstellungen schließen</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>e.g. You are a concise assistant.</source>
        <translation>z. B. Du bist ein knapper Assistent.</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the most likely word.</source>
        <translation>Höher ist abwechslungsreicher; 0 wählt immer das wahrscheinlichste Wort.</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>Höchstens Token pro Antwort</translation>
    </message>
    <message>
        <source>Seed (−1: random)</source>
        <translation>Seed (−1: zufällig)</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <source>Threads (0: all cores)</source>
        <translation>Threads (0: alle Kerne)</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>Modelleinstellungen</translation>
    </message>
    <message>
        <source>For %1; saved for this model and restored when it is opened again.</source>
        <translation>Für %1; für dieses Modell gespeichert und beim nächsten Öffnen wiederhergestellt.</translation>
    </message>
    <message>
        <source>Open a model to change its settings.</source>
        <translation>Öffne ein Modell, um seine Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Nachdenken</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Denkaufwand</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>This model&apos;s chat template lets you choose how it reasons.</source>
        <translation>Die Chat-Vorlage dieses Modells lässt dich wählen, wie es nachdenkt.</translation>
    </message>
    <message>
        <source>Reset to model defaults</source>
        <translation>Auf Standardwerte des Modells zurücksetzen</translation>
    </message>
    <message>
        <source>App settings</source>
        <translation>App-Einstellungen</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Send with</source>
        <translation>Senden mit</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <source>Enter starts a new line.</source>
        <translation>Eingabe beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <source>Shift+Enter starts a new line.</source>
        <translation>Umschalt+Eingabe beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>%1, opened when Conclave starts.</source>
        <translation>%1, wird beim Start von Conclave geöffnet.</translation>
    </message>
    <message>
        <source>Use the open model</source>
        <translation>Geöffnetes Modell verwenden</translation>
    </message>
    <message>
        <source>Use the open model as the default model</source>
        <translation>Das geöffnete Modell als Standardmodell verwenden</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Clear the default model</source>
        <translation>Standardmodell entfernen</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Conversations and settings are kept here, in conclave.db.</source>
        <translation>Unterhaltungen und Einstellungen liegen hier, in conclave.db.</translation>
    </message>
    <message>
        <source>None chosen: Conclave opens SmolLM2 from its models folder when it is there, else it starts without a model.</source>
        <translation>Keins gewählt: Conclave öffnet SmolLM2 aus seinem Modellordner, wenn es dort liegt, sonst startet es ohne Modell.</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Run on the CPU</source>
        <translation>Auf der CPU ausführen</translation>
    </message>
    <message>
        <source>GPU (Vulkan)</source>
        <translation>GPU (Vulkan)</translation>
    </message>
    <message>
        <source>Run on the GPU (Vulkan)</source>
        <translation>Auf der GPU ausführen (Vulkan)</translation>
    </message>
    <message>
        <source>No GPU can be used: %1</source>
        <translation>Keine GPU verwendbar: %1</translation>
    </message>
    <message>
        <source>GPU memory budget (MiB, 0: automatic)</source>
        <translation>GPU-Speicherbudget (MiB, 0: automatisch)</translation>
    </message>
    <message>
        <source>Weights that do not fit the budget run on the CPU; automatic uses the GPU&apos;s free memory less a margin.</source>
        <translation>Gewichte, die nicht ins Budget passen, laufen auf der CPU; automatisch nutzt den freien Speicher der GPU abzüglich einer Reserve.</translation>
    </message>
    <message>
        <source>Reopen the model now</source>
        <translation>Modell jetzt neu öffnen</translation>
    </message>
    <message>
        <source>Where the model runs</source>
        <translation>Wo das Modell läuft</translation>
    </message>
    <message>
        <source>Everything runs on the CPU.</source>
        <translation>Alles läuft auf der CPU.</translation>
    </message>
    <message>
        <source>GPU (for all models)</source>
        <translation>GPU (für alle Modelle)</translation>
    </message>
    <message>
        <source>Automatic (best GPU)</source>
        <translation>Automatisch (beste GPU)</translation>
    </message>
    <message>
        <source>GPU for all models</source>
        <translation>GPU für alle Modelle</translation>
    </message>
    <message>
        <source>Context length, threads, where the model runs, the GPU and the GPU memory budget apply when the model is next opened.</source>
        <translation>Kontextlänge, Threads, Ausführungsort, GPU und GPU-Speicherbudget gelten ab dem nächsten Öffnen des Modells.</translation>
    </message>
    <message>
        <source>This conversation has its own settings (⚙ beside its title, Ctrl+Shift+S); they win over the model&apos;s.</source>
        <translation>Diese Unterhaltung hat eigene Einstellungen (⚙ neben ihrem Titel, Strg+Umschalt+S); sie haben Vorrang vor denen des Modells.</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>Alle Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Rename the conversation in focus</source>
        <translation>Die ausgewählte Unterhaltung umbenennen</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Neue Zeile</translation>
    </message>
    <message>
        <source>Edit the last message (empty composer)</source>
        <translation>Letzte Nachricht bearbeiten (leeres Eingabefeld)</translation>
    </message>
    <message>
        <source>Stop the answer, cancel loading or editing</source>
        <translation>Antwort anhalten, Laden oder Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>Eine Modelldatei öffnen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Show these shortcuts</source>
        <translation>Diese Tastenkürzel anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Code panel</source>
        <translation>Code-Bereich</translation>
    </message>
    <message>
        <source>Show or hide the code panel</source>
        <translation>Code-Bereich ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Open a file (in the code panel)</source>
        <translation>Eine Datei öffnen (im Code-Bereich)</translation>
    </message>
    <message>
        <source>Save the code to its file (in the code panel)</source>
        <translation>Den Code in seine Datei speichern (im Code-Bereich)</translation>
    </message>
    <message>
        <source>Ctrl</source>
        <translation>Strg</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Umschalt</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Archive or unarchive the conversation</source>
        <translation>Unterhaltung archivieren oder zurückholen</translation>
    </message>
    <message>
        <source>This conversation&apos;s own settings</source>
        <translation>Eigene Einstellungen dieser Unterhaltung</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Conclave</source>
        <translation>Conclave</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Strg+K</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>Neuer Chat (Strg+N)</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Strg+N</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>Titel der Unterhaltung</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Aktionen für die Unterhaltung</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Nicht mehr anheften</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Your conversations will appear here.</source>
        <translation>Hier erscheinen deine Unterhaltungen.</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>„%1“ gelöscht</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Export the conversation as Markdown</source>
        <translation>Unterhaltung als Markdown exportieren</translation>
    </message>
    <message>
        <source>Export the conversation as JSON</source>
        <translation>Unterhaltung als JSON exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export all conversations as JSON</source>
        <translation>Alle Unterhaltungen als JSON exportieren</translation>
    </message>
    <message>
        <source>Conclave conversations</source>
        <translation>Conclave-Unterhaltungen</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>Unterhaltungen importieren</translation>
    </message>
    <message>
        <source>Conclave export (*.json)</source>
        <translation>Conclave-Export (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Aus dem Archiv holen</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Als Markdown exportieren…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Hide archived (%1)</source>
        <translation>Archivierte ausblenden (%1)</translation>
    </message>
    <message>
        <source>Show archived (%1)</source>
        <translation>Archivierte zeigen (%1)</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>Importieren und exportieren</translation>
    </message>
    <message>
        <source>Import conversations…</source>
        <translation>Unterhaltungen importieren…</translation>
    </message>
    <message>
        <source>Export all conversations…</source>
        <translation>Alle Unterhaltungen exportieren…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Conclave</source>
        <translation>Willkommen bei Conclave</translation>
    </message>
    <message>
        <source>Chat with language models that run entirely on this computer. Nothing you type leaves it.</source>
        <translation>Chatte mit Sprachmodellen, die vollständig auf diesem Computer laufen. Nichts, was du eingibst, verlässt ihn.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Open a GGUF model…</source>
        <translation>GGUF-Modell öffnen …</translation>
    </message>
    <message>
        <source>or drop a .gguf file onto this window · Ctrl+O</source>
        <translation>oder eine .gguf-Datei auf dieses Fenster ziehen · Strg+O</translation>
    </message>
    <message>
        <source>Models are GGUF files. Conclave looks for them in:
%1
scripts/fetch-default-model puts SmolLM2-135M-Instruct there.</source>
        <translation>Modelle sind GGUF-Dateien. Conclave sucht sie in:
%1
scripts/fetch-default-model legt SmolLM2-135M-Instruct dort ab.</translation>
    </message>
</context>
<context>
    <name>conclave::app::Composition</name>
    <message>
        <source>Could not save the settings</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>conclave::app::EngineWorker</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model file first.</source>
        <translation>Es ist kein Modell geladen. Öffne zuerst eine GGUF-Modelldatei.</translation>
    </message>
    <message>
        <source>The conversation (%1 tokens) no longer fits in the context of %2 tokens. Start a new chat, or raise the context length in the settings.</source>
        <translation>Die Unterhaltung (%1 Token) passt nicht mehr in den Kontext von %2 Token. Beginne einen neuen Chat oder erhöhe die Kontextlänge in den Einstellungen.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::AppSettings</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>discrete GPU</source>
        <translation>dedizierte GPU</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>integrierte GPU</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>virtuelle GPU</translation>
    </message>
    <message>
        <source>software renderer on the CPU</source>
        <translation>Software-Renderer auf der CPU</translation>
    </message>
    <message>
        <source>other device</source>
        <translation>anderes Gerät</translation>
    </message>
    <message>
        <source>%1 — %2, %3 GiB</source>
        <translation>%1 — %2, %3 GiB</translation>
    </message>
    <message>
        <source>%1, the GPU chosen before, was not found when Conclave started (the GPUs or their driver changed), so the best GPU is used. Choose a GPU to replace the old choice.</source>
        <translation>%1, die zuvor gewählte GPU, wurde beim Start von Conclave nicht gefunden (die GPUs oder ihr Treiber haben sich geändert), daher wird die beste GPU verwendet. Wähle eine GPU, um die alte Wahl zu ersetzen.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Check that the file exists and that you can read it.</source>
        <translation>Prüfe, ob die Datei existiert und ob du sie lesen darfst.</translation>
    </message>
    <message>
        <source>The file is not a GGUF model, or it is damaged or incomplete. Download it again.</source>
        <translation>Die Datei ist kein GGUF-Modell oder sie ist beschädigt oder unvollständig. Lade sie erneut herunter.</translation>
    </message>
    <message>
        <source>Conclave cannot run this model yet. Try another model file.</source>
        <translation>Conclave kann dieses Modell noch nicht ausführen. Versuche eine andere Modelldatei.</translation>
    </message>
    <message>
        <source>Close other programs, or choose a smaller model or a shorter context.</source>
        <translation>Schließe andere Programme oder wähle ein kleineres Modell oder einen kürzeren Kontext.</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed. Try another model file.</source>
        <translation>Die Chatvorlage des Modells ist fehlgeschlagen. Versuche eine andere Modelldatei.</translation>
    </message>
    <message>
        <source>The GPU or its driver failed. Try again, or use the CPU.</source>
        <translation>Die GPU oder ihr Treiber ist ausgefallen. Versuche es erneut oder verwende die CPU.</translation>
    </message>
    <message>
        <source>Free some disk space. The conversation stays open and is saved as soon as there is room.</source>
        <translation>Gib Speicherplatz frei. Die Unterhaltung bleibt offen und wird gespeichert, sobald Platz ist.</translation>
    </message>
    <message>
        <source>Make the data folder writable. The conversation stays open and is saved once it can be.</source>
        <translation>Mach den Datenordner beschreibbar. Die Unterhaltung bleibt offen und wird gespeichert, sobald es geht.</translation>
    </message>
    <message>
        <source>The conversation stays open; Conclave tries to save it again every few seconds.</source>
        <translation>Die Unterhaltung bleibt offen; Conclave versucht alle paar Sekunden, sie erneut zu speichern.</translation>
    </message>
    <message>
        <source>Could not save the conversation</source>
        <translation>Die Unterhaltung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Storage error: %1</source>
        <translation>Speicherfehler: %1</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The answer could not be generated</source>
        <translation>Die Antwort konnte nicht erzeugt werden</translation>
    </message>
    <message>
        <source>Error code: %1 (%2)</source>
        <translation>Fehlercode: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 runs partly on the CPU</source>
        <translation>%1 läuft teilweise auf der CPU</translation>
    </message>
    <message>
        <source>%1 runs on the CPU</source>
        <translation>%1 läuft auf der CPU</translation>
    </message>
    <message>
        <source>“Run on” and the GPU memory budget are in the model settings; they apply when the model is next opened.</source>
        <translation>„Ausführen auf“ und das GPU-Speicherbudget findest du in den Modelleinstellungen; sie gelten ab dem nächsten Öffnen des Modells.</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Conversations added: %1, merged: %2; messages added: %3.</source>
        <translation>Unterhaltungen hinzugefügt: %1, zusammengeführt: %2; Nachrichten hinzugefügt: %3.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::CodePanelController</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Klartext</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Keine Änderungen</translation>
    </message>
    <message>
        <source>+%1 −%2 lines</source>
        <translation>+%1 −%2 Zeilen</translation>
    </message>
    <message>
        <source>Could not save the panel&apos;s settings: %1</source>
        <translation>Die Einstellungen des Code-Bereichs konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Could not save the code panel&apos;s session: %1</source>
        <translation>Die Sitzung des Code-Bereichs konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Choose a file to save to.</source>
        <translation>Eine Datei zum Speichern wählen.</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>„%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Only files on this computer can be saved.</source>
        <translation>Nur Dateien auf diesem Computer können gespeichert werden.</translation>
    </message>
    <message>
        <source>There is no code to work on.</source>
        <translation>Es gibt keinen Code, an dem gearbeitet werden kann.</translation>
    </message>
    <message>
        <source>Write an instruction first.</source>
        <translation>Zuerst eine Anweisung schreiben.</translation>
    </message>
    <message>
        <source>Choose another language to convert to.</source>
        <translation>Eine andere Zielsprache wählen.</translation>
    </message>
    <message>
        <source>Wait until the current answer is finished.</source>
        <translation>Warten, bis die aktuelle Antwort fertig ist.</translation>
    </message>
    <message>
        <source>Open a model to run tasks.</source>
        <translation>Ein Modell öffnen, um Aufgaben auszuführen.</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>Warte auf das Modell …</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach …</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Antwortet …</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The code changed since the task ran; run it again to apply its answer.</source>
        <translation>Der Code hat sich seit der Aufgabe geändert; die Aufgabe erneut ausführen, um ihre Antwort zu übernehmen.</translation>
    </message>
    <message>
        <source>Applied. Undo (Ctrl+Z) in the editor takes it back.</source>
        <translation>Übernommen. Rückgängig (Strg+Z) im Editor nimmt es zurück.</translation>
    </message>
    <message>
        <source>Could not read the code panel&apos;s session: %1</source>
        <translation>Die Sitzung des Code-Bereichs konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Stopped · %n tokens · %1 tok/s</source>
        <translation>
            <numerusform>Angehalten · %n Token · %1 Token/s</numerusform>
            <numerusform>Angehalten · %n Token · %1 Token/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · %1 tok/s</source>
        <translation>
            <numerusform>%n Token · %1 Token/s</numerusform>
            <numerusform>%n Token · %1 Token/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>conclave::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Previous 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Älter</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ConversationTransfer</name>
    <message>
        <source>Could not export the conversation</source>
        <translation>Die Unterhaltung konnte nicht exportiert werden</translation>
    </message>
    <message>
        <source>Storage error: %1</source>
        <translation>Speicherfehler: %1</translation>
    </message>
    <message>
        <source>Could not export the conversations</source>
        <translation>Die Unterhaltungen konnten nicht exportiert werden</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Check that the folder exists, that you may write there and that the disk has room. Nothing was changed.</source>
        <translation>Prüfe, ob der Ordner existiert, ob du dort schreiben darfst und ob auf dem Datenträger Platz ist. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Could not import %1</source>
        <translation>%1 konnte nicht importiert werden</translation>
    </message>
    <message>
        <source>The file is larger than any Conclave export.</source>
        <translation>Die Datei ist größer als jeder Conclave-Export.</translation>
    </message>
    <message>
        <source>Choose a file exported by Conclave (JSON).</source>
        <translation>Wähle eine von Conclave exportierte Datei (JSON).</translation>
    </message>
    <message>
        <source>Check that the file exists and that you can read it.</source>
        <translation>Prüfe, ob die Datei existiert und ob du sie lesen darfst.</translation>
    </message>
    <message>
        <source>Choose a file exported by Conclave (JSON). Nothing was imported.</source>
        <translation>Wähle eine von Conclave exportierte Datei (JSON). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Nothing was imported; your conversations are unchanged.</source>
        <translation>Es wurde nichts importiert; deine Unterhaltungen sind unverändert.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::MessageListModel</name>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>reached the token limit</source>
        <translation>Token-Grenze erreicht</translation>
    </message>
    <message>
        <source>stop string</source>
        <translation>Stoppzeichenfolge</translation>
    </message>
    <message>
        <source>context full</source>
        <translation>Kontext voll</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Token</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <source>%1 s to first token</source>
        <translation>%1 s bis zum ersten Token</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelCard</name>
    <message>
        <source>%1 total, %2 active per token</source>
        <translation>%1 insgesamt, %2 aktiv pro Token</translation>
    </message>
    <message>
        <source>%1 in %2 parts</source>
        <translation>%1 in %2 Teilen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>This file cannot be read as a GGUF model: %1</source>
        <translation>Diese Datei kann nicht als GGUF-Modell gelesen werden: %1</translation>
    </message>
    <message>
        <source>Conclave cannot run this model yet (%1).</source>
        <translation>Conclave kann dieses Modell noch nicht ausführen (%1).</translation>
    </message>
    <message>
        <source>This model cannot be loaded: %1</source>
        <translation>Dieses Modell kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Not enough memory: this model needs about %1 at a context of %2 tokens, but only %3 is available. Close other programs, or choose a shorter context or a smaller model.</source>
        <translation>Nicht genug Speicher: Dieses Modell braucht bei einem Kontext von %2 Token etwa %1, verfügbar sind aber nur %3. Schließe andere Programme oder wähle einen kürzeren Kontext oder ein kleineres Modell.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelListModel</name>
    <message>
        <source>Recent</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>The file is missing: it was moved or deleted.</source>
        <translation>Die Datei fehlt: Sie wurde verschoben oder gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%n parts</source>
        <translation>
            <numerusform>%n Teil</numerusform>
            <numerusform>%n Teile</numerusform>
        </translation>
    </message>
    <message>
        <source>Conclave models folder</source>
        <translation>Conclave-Modellordner</translation>
    </message>
    <message>
        <source>Hugging Face cache</source>
        <translation>Hugging-Face-Cache</translation>
    </message>
    <message>
        <source>LM Studio</source>
        <translation>LM Studio</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Your folders</source>
        <translation>Deine Ordner</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelPicker</name>
    <message>
        <source>Could not save the favourite. The database refused the change.</source>
        <translation>Der Favorit konnte nicht gespeichert werden. Die Datenbank hat die Änderung abgelehnt.</translation>
    </message>
    <message>
        <source>Could not remove the model from the list. The database refused the change.</source>
        <translation>Das Modell konnte nicht aus der Liste entfernt werden. Die Datenbank hat die Änderung abgelehnt.</translation>
    </message>
    <message>
        <source>“%1” is not a GGUF model file; %2 still points at its old place.</source>
        <translation>„%1“ ist keine GGUF-Modelldatei; %2 verweist weiter auf den alten Ort.</translation>
    </message>
    <message>
        <source>Could not save the new place of %1. The database refused the change.</source>
        <translation>Der neue Ort von %1 konnte nicht gespeichert werden. Die Datenbank hat die Änderung abgelehnt.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::TextAttachment</name>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation>Nur Dateien auf diesem Computer können angehängt werden.</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>„%1“ ist keine Datei.</translation>
    </message>
    <message>
        <source>“%1” is too large to attach (%2 KiB; the limit is %3 KiB).</source>
        <translation>„%1“ ist zu groß zum Anhängen (%2 KiB; die Grenze ist %3 KiB).</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>„%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” is too large to attach.</source>
        <translation>„%1“ ist zu groß zum Anhängen.</translation>
    </message>
    <message>
        <source>“%1” is not a text file (only UTF-8 text can be attached).</source>
        <translation>„%1“ ist keine Textdatei (nur UTF-8-Text kann angehängt werden).</translation>
    </message>
    <message>
        <source>Only files on this computer can be opened.</source>
        <translation>Nur Dateien auf diesem Computer können geöffnet werden.</translation>
    </message>
    <message>
        <source>“%1” is too large to open (%2 KiB; the limit is %3 KiB).</source>
        <translation>„%1“ ist zu groß zum Öffnen (%2 KiB; die Grenze ist %3 KiB).</translation>
    </message>
    <message>
        <source>“%1” is too large to open.</source>
        <translation>„%1“ ist zu groß zum Öffnen.</translation>
    </message>
    <message>
        <source>“%1” is not a text file (only UTF-8 text can be opened).</source>
        <translation>„%1“ ist keine Textdatei (nur UTF-8-Text kann geöffnet werden).</translation>
    </message>
</context>
</TS>
