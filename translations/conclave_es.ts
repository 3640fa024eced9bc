<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>BranchSwitcher</name>
    <message>
        <source>Previous version</source>
        <translation>Versión anterior</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Versión siguiente</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Ask %1 anything.</source>
        <translation>Pregúntale a %1 lo que quieras.</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>el modelo</translation>
    </message>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ Ir a lo más reciente</translation>
    </message>
    <message>
        <source>Editing a message — sending makes a new branch with a new answer</source>
        <translation>Editando un mensaje: al enviarlo se crea una rama nueva con una respuesta nueva</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ChatStorage</name>
    <message>
        <source>The database was written by a newer Conclave and was left untouched. Update Conclave to see your conversations; until then new chats are not saved.</source>
        <translation>La base de datos la escribió una versión más reciente de Conclave y no se ha modificado. Actualiza Conclave para ver tus conversaciones; mientras tanto, los chats nuevos no se guardan.</translation>
    </message>
    <message>
        <source>Make the data folder writable and restart Conclave; until then new chats are not saved.</source>
        <translation>Da permiso de escritura a la carpeta de datos y reinicia Conclave; mientras tanto, los chats nuevos no se guardan.</translation>
    </message>
    <message>
        <source>Restart Conclave to try again; until then new chats are not saved.</source>
        <translation>Reinicia Conclave para volver a intentarlo; mientras tanto, los chats nuevos no se guardan.</translation>
    </message>
    <message>
        <source>The conversation database was damaged</source>
        <translation>La base de datos de conversaciones estaba dañada</translation>
    </message>
    <message>
        <source>It was moved to %1. Recovered: %2, %3.</source>
        <translation>Se ha movido a %1. Recuperado: %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversations</source>
        <translation>
            <numerusform>%n conversación</numerusform>
            <numerusform>%n conversaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n mensaje</numerusform>
            <numerusform>%n mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the recovered conversations; the damaged file is kept for a closer look.</source>
        <translation>Revisa las conversaciones recuperadas; el archivo dañado se conserva para examinarlo con calma.</translation>
    </message>
    <message>
        <source>Conversations cannot be saved</source>
        <translation>No se pueden guardar las conversaciones</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>Open in code panel</source>
        <translation>Abrir en el panel de código</translation>
    </message>
    <message>
        <source>Open the code in the code panel</source>
        <translation>Abrir el código en el panel de código</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <source>Paste code here, or open a file (Ctrl+O) or drop one.</source>
        <translation>Pega código aquí, abre un archivo (Ctrl+O) o arrastra uno.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Open a source file</source>
        <translation>Abrir un archivo de código fuente</translation>
    </message>
    <message>
        <source>Save the code</source>
        <translation>Guardar el código</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lenguaje</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Start with an empty code panel</source>
        <translation>Empezar con el panel de código vacío</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open a file in the code panel</source>
        <translation>Abrir un archivo en el panel de código</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the code to its file</source>
        <translation>Guardar el código en su archivo</translation>
    </message>
    <message>
        <source>Discuss in chat</source>
        <translation>Comentar en el chat</translation>
    </message>
    <message>
        <source>Discuss the code in a new chat</source>
        <translation>Comentar el código en un chat nuevo</translation>
    </message>
    <message>
        <source>Close the code panel</source>
        <translation>Cerrar el panel de código</translation>
    </message>
    <message>
        <source>“%1” changed on disk since it was opened. Overwrite it?</source>
        <translation>«%1» ha cambiado en el disco desde que se abrió. ¿Sobrescribirlo?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Sobrescribir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>The selection: %1 of %2 tokens of context</source>
        <translation>La selección: %1 de %2 tokens de contexto</translation>
    </message>
    <message>
        <source>The code: %1 of %2 tokens of context</source>
        <translation>El código: %1 de %2 tokens de contexto</translation>
    </message>
    <message>
        <source>too large: select less</source>
        <translation>demasiado grande: selecciona menos</translation>
    </message>
    <message>
        <source>too large for the model: select a part, and tasks use the selection</source>
        <translation>demasiado grande para el modelo: selecciona una parte y las tareas usarán la selección</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explicar</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Corregir</translation>
    </message>
    <message>
        <source>Write tests</source>
        <translation>Escribir pruebas</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documentar</translation>
    </message>
    <message>
        <source>Convert to</source>
        <translation>Convertir a</translation>
    </message>
    <message>
        <source>Convert to another language</source>
        <translation>Convertir a otro lenguaje</translation>
    </message>
    <message>
        <source>Language to convert to</source>
        <translation>Lenguaje de destino</translation>
    </message>
    <message>
        <source>An instruction, or the problem for Fix</source>
        <translation>Una instrucción, o el problema que corregir</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Instrucción</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Preguntar</translation>
    </message>
    <message>
        <source>Ask the model to follow the instruction</source>
        <translation>Pedir al modelo que siga la instrucción</translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 tok/s</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Cambio %1</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Apply the change to the code</source>
        <translation>Aplicar el cambio al código</translation>
    </message>
    <message>
        <source>Copy as unified diff</source>
        <translation>Copiar como diff unificado</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>En paralelo</translation>
    </message>
    <message>
        <source>Show the change side by side</source>
        <translation>Mostrar el cambio en paralelo</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>Sesiones recientes</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>Se eliminó «%1»</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Open a model to start chatting</source>
        <translation>Abre un modelo para empezar a chatear</translation>
    </message>
    <message>
        <source>Message the model — Ctrl+Enter to send, Enter for a new line</source>
        <translation>Escribe al modelo: Ctrl+Intro para enviar, Intro para una línea nueva</translation>
    </message>
    <message>
        <source>Message the model — Enter to send, Shift+Enter for a new line</source>
        <translation>Escribe al modelo: Intro para enviar, Mayús+Intro para una línea nueva</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Detener (Esc)</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Enviar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Enviar (Intro)</translation>
    </message>
    <message>
        <source>This message does not fit in the context (%1 tokens). Start a new chat, or shorten the message.</source>
        <translation>Este mensaje no cabe en el contexto (%1 tokens). Empieza un chat nuevo o acorta el mensaje.</translation>
    </message>
    <message>
        <source>The context is nearly full: the answer will stop when it reaches %1 tokens. A new chat starts empty.</source>
        <translation>El contexto está casi lleno: la respuesta se detendrá al llegar a %1 tokens. Un chat nuevo empieza vacío.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 tokens</translation>
    </message>
    <message>
        <source>Context used: %1 of %2 tokens</source>
        <translation>Contexto usado: %1 de %2 tokens</translation>
    </message>
</context>
<context>
    <name>ConversationSettingsPopup</name>
    <message>
        <source>Own value for %1</source>
        <translation>Valor propio para %1</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Ajustes de la conversación</translation>
    </message>
    <message>
        <source>Close conversation settings</source>
        <translation>Cerrar los ajustes de la conversación</translation>
    </message>
    <message>
        <source>For “%1” only. A value not ticked follows the model&apos;s settings.</source>
        <translation>Solo para «%1». Un valor sin marcar sigue los ajustes del modelo.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt del sistema</translation>
    </message>
    <message>
        <source>No system prompt</source>
        <translation>Sin prompt del sistema</translation>
    </message>
    <message>
        <source>Conversation system prompt</source>
        <translation>Prompt del sistema de la conversación</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
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
        <translation>Penalización por repetición</translation>
    </message>
    <message>
        <source>Seed (−1: random)</source>
        <translation>Semilla (−1: aleatoria)</translation>
    </message>
    <message>
        <source>Changes apply to the next answer.</source>
        <translation>Los cambios se aplican a la próxima respuesta.</translation>
    </message>
    <message>
        <source>Use model defaults</source>
        <translation>Usar los valores del modelo</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>Máx. de tokens por respuesta</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Esfuerzo de razonamiento</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
</context>
<context>
    <name>ConversationStore</name>
    <message>
        <source>The conversations are kept in memory this session (the database could not be opened), so they cannot be exported or imported.</source>
        <translation>En esta sesión las conversaciones se guardan solo en memoria (no se pudo abrir la base de datos), así que no se pueden exportar ni importar.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Hide details</source>
        <translation>Ocultar detalles</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Conclave</source>
        <translation>%1 — Conclave</translation>
    </message>
    <message>
        <source>Conclave</source>
        <translation>Conclave</translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation>Abrir un modelo GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Drop to open the file in the code panel</source>
        <translation>Suelta para abrir el archivo en el panel de código</translation>
    </message>
    <message>
        <source>Drop to attach the file to your message</source>
        <translation>Suelta para adjuntar el archivo a tu mensaje</translation>
    </message>
    <message>
        <source>Drop to open the model</source>
        <translation>Suelta para abrir el modelo</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Editar mensaje</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <source>Thought process</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Copiar respuesta</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <source>Regenerate the answer</source>
        <translation>Regenerar la respuesta</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Loading %1</source>
        <translation>Cargando %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>%1
Click to choose another model</source>
        <translation>%1
Haz clic para elegir otro modelo</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
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
        <translation>Se ejecuta en la GPU</translation>
    </message>
    <message>
        <source>Runs on the CPU</source>
        <translation>Se ejecuta en la CPU</translation>
    </message>
    <message>
        <source>%1 ctx</source>
        <translation>%1 ctx</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>Abrir modelo…</translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+Shift+S): this conversation has its own</source>
        <translation>Ajustes de la conversación (Ctrl+Mayús+S): esta conversación tiene los suyos</translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+Shift+S)</source>
        <translation>Ajustes de la conversación (Ctrl+Mayús+S)</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Ajustes de la conversación</translation>
    </message>
</context>
<context>
    <name>ModelCardView</name>
    <message>
        <source>Reading the model file</source>
        <translation>Leyendo el archivo del modelo</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Arquitectura</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>no indicada</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>Expertos</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Cuantización</translation>
    </message>
    <message>
        <source>Trained context</source>
        <translation>Contexto de entrenamiento</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Tamaño del archivo</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Memoria necesaria</translation>
    </message>
    <message>
        <source>about %1 at %2 tokens of context</source>
        <translation>unos %1 con %2 tokens de contexto</translation>
    </message>
    <message>
        <source>Memory available</source>
        <translation>Memoria disponible</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back to the model list</source>
        <translation>Volver a la lista de modelos</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Cargar</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Cargar %1</translation>
    </message>
</context>
<context>
    <name>ModelPickerPopup</name>
    <message>
        <source>Add a folder to search for models</source>
        <translation>Añadir una carpeta donde buscar modelos</translation>
    </message>
    <message>
        <source>Filter models</source>
        <translation>Filtrar modelos</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Looking for models…</source>
        <translation>Buscando modelos…</translation>
    </message>
    <message>
        <source>No model matches</source>
        <translation>Ningún modelo coincide</translation>
    </message>
    <message>
        <source>No GGUF models found. Open a file, or add the folder that holds your models.</source>
        <translation>No se encontraron modelos GGUF. Abre un archivo o añade la carpeta donde guardas tus modelos.</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Abrir archivo GGUF…</translation>
    </message>
    <message>
        <source>Open a GGUF file</source>
        <translation>Abrir un archivo GGUF</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <source>Stop searching %1</source>
        <translation>Dejar de buscar en %1</translation>
    </message>
    <message>
        <source>Remove the folder %1</source>
        <translation>Quitar la carpeta %1</translation>
    </message>
    <message>
        <source>Looking for models</source>
        <translation>Buscando modelos</translation>
    </message>
    <message>
        <source>Locate the model file</source>
        <translation>Buscar el archivo del modelo</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>Quitar de favoritos</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>Añadir a favoritos</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Remove from recent</source>
        <translation>Quitar de recientes</translation>
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
        <translation>%1 (favorito), %2</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>Quitar de favoritos</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>Añadir a favoritos</translation>
    </message>
    <message>
        <source>Remove %1 from favourites</source>
        <translation>Quitar %1 de favoritos</translation>
    </message>
    <message>
        <source>Add %1 to favourites</source>
        <translation>Añadir %1 a favoritos</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Más acciones</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Acciones de %1</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search all conversations</source>
        <translation>Buscar en todas las conversaciones</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Type to search messages and titles</source>
        <translation>Escribe para buscar en mensajes y títulos</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Sin resultados</translation>
    </message>
</context>
<context>
    <name>SessionsPopup</name>
    <message>
        <source>Delete the session</source>
        <translation>Eliminar la sesión</translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>Todavía no hay sesiones</translation>
    </message>
</context>
<context>
    <name>SettingsDrawer</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Cerrar ajustes</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>Ajustes del modelo</translation>
    </message>
    <message>
        <source>For %1; saved for this model and restored when it is opened again.</source>
        <translation>Para %1; se guardan para este modelo y se restauran al volver a abrirlo.</translation>
    </message>
    <message>
        <source>Open a model to change its settings.</source>
        <translation>Abre un modelo para cambiar sus ajustes.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt del sistema</translation>
    </message>
    <message>
        <source>e.g. You are a concise assistant.</source>
        <translation>p. ej. Eres un asistente conciso.</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Esfuerzo de razonamiento</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>This model&apos;s chat template lets you choose how it reasons.</source>
        <translation>La plantilla de chat de este modelo te permite elegir cómo razona.</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the most likely word.</source>
        <translation>Cuanto más alta, más variada; con 0 siempre elige la palabra más probable.</translation>
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
        <translation>Penalización por repetición</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>Máx. de tokens por respuesta</translation>
    </message>
    <message>
        <source>Seed (−1: random)</source>
        <translation>Semilla (−1: aleatoria)</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Longitud del contexto</translation>
    </message>
    <message>
        <source>Threads (0: all cores)</source>
        <translation>Hilos (0: todos los núcleos)</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Ejecutar en</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Run on the CPU</source>
        <translation>Ejecutar en la CPU</translation>
    </message>
    <message>
        <source>GPU (Vulkan)</source>
        <translation>GPU (Vulkan)</translation>
    </message>
    <message>
        <source>Run on the GPU (Vulkan)</source>
        <translation>Ejecutar en la GPU (Vulkan)</translation>
    </message>
    <message>
        <source>No GPU can be used: %1</source>
        <translation>No se puede usar ninguna GPU: %1</translation>
    </message>
    <message>
        <source>GPU (for all models)</source>
        <translation>GPU (para todos los modelos)</translation>
    </message>
    <message>
        <source>Automatic (best GPU)</source>
        <translation>Automática (la mejor GPU)</translation>
    </message>
    <message>
        <source>GPU for all models</source>
        <translation>GPU para todos los modelos</translation>
    </message>
    <message>
        <source>GPU memory budget (MiB, 0: automatic)</source>
        <translation>Memoria de GPU asignada (MiB, 0: automática)</translation>
    </message>
    <message>
        <source>Weights that do not fit the budget run on the CPU; automatic uses the GPU&apos;s free memory less a margin.</source>
        <translation>Los pesos que no caben en la memoria asignada se ejecutan en la CPU; en automático se usa la memoria libre de la GPU menos un margen.</translation>
    </message>
    <message>
        <source>Context length, threads, where the model runs, the GPU and the GPU memory budget apply when the model is next opened.</source>
        <translation>La longitud del contexto, los hilos, dónde se ejecuta el modelo, la GPU y su memoria asignada se aplican la próxima vez que se abra el modelo.</translation>
    </message>
    <message>
        <source>Reopen the model now</source>
        <translation>Volver a abrir el modelo ahora</translation>
    </message>
    <message>
        <source>Where the model runs</source>
        <translation>Dónde se ejecuta el modelo</translation>
    </message>
    <message>
        <source>Everything runs on the CPU.</source>
        <translation>Todo se ejecuta en la CPU.</translation>
    </message>
    <message>
        <source>Reset to model defaults</source>
        <translation>Restablecer los valores del modelo</translation>
    </message>
    <message>
        <source>App settings</source>
        <translation>Ajustes de la aplicación</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Send with</source>
        <translation>Enviar con</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Intro</translation>
    </message>
    <message>
        <source>Enter starts a new line.</source>
        <translation>Intro empieza una línea nueva.</translation>
    </message>
    <message>
        <source>Shift+Enter starts a new line.</source>
        <translation>Mayús+Intro empieza una línea nueva.</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Modelo predeterminado</translation>
    </message>
    <message>
        <source>None chosen: Conclave opens SmolLM2 from its models folder when it is there, else it starts without a model.</source>
        <translation>Ningún modelo elegido: Conclave abre SmolLM2 desde su carpeta de modelos si está allí; si no, se inicia sin modelo.</translation>
    </message>
    <message>
        <source>%1, opened when Conclave starts.</source>
        <translation>%1, se abre al iniciar Conclave.</translation>
    </message>
    <message>
        <source>Use the open model</source>
        <translation>Usar el modelo abierto</translation>
    </message>
    <message>
        <source>Use the open model as the default model</source>
        <translation>Usar el modelo abierto como modelo predeterminado</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Clear the default model</source>
        <translation>Quitar el modelo predeterminado</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Conversations and settings are kept here, in conclave.db.</source>
        <translation>Las conversaciones y los ajustes se guardan aquí, en conclave.db.</translation>
    </message>
    <message>
        <source>This conversation has its own settings (⚙ beside its title, Ctrl+Shift+S); they win over the model&apos;s.</source>
        <translation>Esta conversación tiene sus propios ajustes (⚙ junto a su título, Ctrl+Mayús+S); tienen prioridad sobre los del modelo.</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Chat nuevo</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>Buscar en todas las conversaciones</translation>
    </message>
    <message>
        <source>Rename the conversation in focus</source>
        <translation>Renombrar la conversación seleccionada</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Escritura</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Enviar el mensaje</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Línea nueva</translation>
    </message>
    <message>
        <source>Edit the last message (empty composer)</source>
        <translation>Editar el último mensaje (con el cuadro de texto vacío)</translation>
    </message>
    <message>
        <source>Stop the answer, cancel loading or editing</source>
        <translation>Detener la respuesta, cancelar la carga o la edición</translation>
    </message>
    <message>
        <source>Code panel</source>
        <translation>Panel de código</translation>
    </message>
    <message>
        <source>Show or hide the code panel</source>
        <translation>Mostrar u ocultar el panel de código</translation>
    </message>
    <message>
        <source>Open a file (in the code panel)</source>
        <translation>Abrir un archivo (en el panel de código)</translation>
    </message>
    <message>
        <source>Save the code to its file (in the code panel)</source>
        <translation>Guardar el código en su archivo (en el panel de código)</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Aplicación</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>Abrir un archivo de modelo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Show these shortcuts</source>
        <translation>Mostrar estos atajos</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Mayús</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Archive or unarchive the conversation</source>
        <translation>Archivar o desarchivar la conversación</translation>
    </message>
    <message>
        <source>This conversation&apos;s own settings</source>
        <translation>Ajustes propios de esta conversación</translation>
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
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Chat nuevo</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>Chat nuevo (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>Título de la conversación</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Acciones de la conversación</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Dejar de fijar</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Your conversations will appear here.</source>
        <translation>Tus conversaciones aparecerán aquí.</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>Se eliminó «%1»</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Export the conversation as Markdown</source>
        <translation>Exportar la conversación como Markdown</translation>
    </message>
    <message>
        <source>Export the conversation as JSON</source>
        <translation>Exportar la conversación como JSON</translation>
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
        <translation>Exportar todas las conversaciones como JSON</translation>
    </message>
    <message>
        <source>Conclave conversations</source>
        <translation>Conversaciones de Conclave</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>Importar conversaciones</translation>
    </message>
    <message>
        <source>Conclave export (*.json)</source>
        <translation>Exportación de Conclave (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Desarchivar</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivar</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Exportar como Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Exportar como JSON…</translation>
    </message>
    <message>
        <source>Hide archived (%1)</source>
        <translation>Ocultar archivadas (%1)</translation>
    </message>
    <message>
        <source>Show archived (%1)</source>
        <translation>Mostrar archivadas (%1)</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>Importar y exportar</translation>
    </message>
    <message>
        <source>Import conversations…</source>
        <translation>Importar conversaciones…</translation>
    </message>
    <message>
        <source>Export all conversations…</source>
        <translation>Exportar todas las conversaciones…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Conclave</source>
        <translation>Te damos la bienvenida a Conclave</translation>
    </message>
    <message>
        <source>Chat with language models that run entirely on this computer. Nothing you type leaves it.</source>
        <translation>Chatea con modelos de lenguaje que se ejecutan por completo en este ordenador. Nada de lo que escribes sale de él.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Open a GGUF model…</source>
        <translation>Abrir un modelo GGUF…</translation>
    </message>
    <message>
        <source>or drop a .gguf file onto this window · Ctrl+O</source>
        <translation>o arrastra un archivo .gguf a esta ventana · Ctrl+O</translation>
    </message>
    <message>
        <source>Models are GGUF files. Conclave looks for them in:
%1
scripts/fetch-default-model puts SmolLM2-135M-Instruct there.</source>
        <translation>Los modelos son archivos GGUF. Conclave los busca en:
%1
scripts/fetch-default-model deja allí SmolLM2-135M-Instruct.</translation>
    </message>
</context>
<context>
    <name>conclave::app::Composition</name>
    <message>
        <source>Could not save the settings</source>
        <translation>No se pudieron guardar los ajustes</translation>
    </message>
</context>
<context>
    <name>conclave::app::EngineWorker</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Se canceló la carga.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model file first.</source>
        <translation>No hay ningún modelo cargado. Abre primero un archivo de modelo GGUF.</translation>
    </message>
    <message>
        <source>The conversation (%1 tokens) no longer fits in the context of %2 tokens. Start a new chat, or raise the context length in the settings.</source>
        <translation>La conversación (%1 tokens) ya no cabe en el contexto de %2 tokens. Empieza un chat nuevo o aumenta la longitud del contexto en los ajustes.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>No hay ningún modelo cargado.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::AppSettings</name>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>discrete GPU</source>
        <translation>GPU dedicada</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>GPU integrada</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>GPU virtual</translation>
    </message>
    <message>
        <source>software renderer on the CPU</source>
        <translation>renderizado por software en la CPU</translation>
    </message>
    <message>
        <source>other device</source>
        <translation>otro dispositivo</translation>
    </message>
    <message>
        <source>%1 — %2, %3 GiB</source>
        <translation>%1 — %2, %3 GiB</translation>
    </message>
    <message>
        <source>%1, the GPU chosen before, was not found when Conclave started (the GPUs or their driver changed), so the best GPU is used. Choose a GPU to replace the old choice.</source>
        <translation>%1, la GPU elegida antes, no se encontró al iniciar Conclave (cambiaron las GPU o su controlador), así que se usa la mejor GPU. Elige una GPU para sustituir la elección anterior.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Chat nuevo</translation>
    </message>
    <message>
        <source>Check that the file exists and that you can read it.</source>
        <translation>Comprueba que el archivo existe y que puedes leerlo.</translation>
    </message>
    <message>
        <source>The file is not a GGUF model, or it is damaged or incomplete. Download it again.</source>
        <translation>El archivo no es un modelo GGUF, o está dañado o incompleto. Descárgalo de nuevo.</translation>
    </message>
    <message>
        <source>Conclave cannot run this model yet. Try another model file.</source>
        <translation>Conclave todavía no puede ejecutar este modelo. Prueba con otro archivo de modelo.</translation>
    </message>
    <message>
        <source>Close other programs, or choose a smaller model or a shorter context.</source>
        <translation>Cierra otros programas o elige un modelo más pequeño o un contexto más corto.</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed. Try another model file.</source>
        <translation>Falló la plantilla de chat del modelo. Prueba con otro archivo de modelo.</translation>
    </message>
    <message>
        <source>The GPU or its driver failed. Try again, or use the CPU.</source>
        <translation>Falló la GPU o su controlador. Vuelve a intentarlo o usa la CPU.</translation>
    </message>
    <message>
        <source>Free some disk space. The conversation stays open and is saved as soon as there is room.</source>
        <translation>Libera espacio en el disco. La conversación sigue abierta y se guardará en cuanto haya sitio.</translation>
    </message>
    <message>
        <source>Make the data folder writable. The conversation stays open and is saved once it can be.</source>
        <translation>Da permiso de escritura a la carpeta de datos. La conversación sigue abierta y se guardará en cuanto sea posible.</translation>
    </message>
    <message>
        <source>The conversation stays open; Conclave tries to save it again every few seconds.</source>
        <translation>La conversación sigue abierta; Conclave intenta guardarla de nuevo cada pocos segundos.</translation>
    </message>
    <message>
        <source>Could not save the conversation</source>
        <translation>No se pudo guardar la conversación</translation>
    </message>
    <message>
        <source>Storage error: %1</source>
        <translation>Error de almacenamiento: %1</translation>
    </message>
    <message>
        <source>%1 runs partly on the CPU</source>
        <translation>%1 se ejecuta en parte en la CPU</translation>
    </message>
    <message>
        <source>%1 runs on the CPU</source>
        <translation>%1 se ejecuta en la CPU</translation>
    </message>
    <message>
        <source>“Run on” and the GPU memory budget are in the model settings; they apply when the model is next opened.</source>
        <translation>«Ejecutar en» y la memoria de GPU asignada están en los ajustes del modelo; se aplican la próxima vez que se abra el modelo.</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>No se pudo abrir %1</translation>
    </message>
    <message>
        <source>The answer could not be generated</source>
        <translation>No se pudo generar la respuesta</translation>
    </message>
    <message>
        <source>Error code: %1 (%2)</source>
        <translation>Código de error: %1 (%2)</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Conversations added: %1, merged: %2; messages added: %3.</source>
        <translation>Conversaciones añadidas: %1, combinadas: %2; mensajes añadidos: %3.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::CodePanelController</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texto sin formato</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>+%1 −%2 lines</source>
        <translation>+%1 −%2 líneas</translation>
    </message>
    <message>
        <source>Could not save the panel&apos;s settings: %1</source>
        <translation>No se pudieron guardar los ajustes del panel: %1</translation>
    </message>
    <message>
        <source>Could not save the code panel&apos;s session: %1</source>
        <translation>No se pudo guardar la sesión del panel de código: %1</translation>
    </message>
    <message>
        <source>Choose a file to save to.</source>
        <translation>Elige un archivo donde guardar.</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>No se pudo guardar «%1»: %2</translation>
    </message>
    <message>
        <source>Only files on this computer can be saved.</source>
        <translation>Solo se pueden guardar archivos de este ordenador.</translation>
    </message>
    <message>
        <source>There is no code to work on.</source>
        <translation>No hay código con el que trabajar.</translation>
    </message>
    <message>
        <source>Write an instruction first.</source>
        <translation>Escribe antes una instrucción.</translation>
    </message>
    <message>
        <source>Choose another language to convert to.</source>
        <translation>Elige otro lenguaje de destino.</translation>
    </message>
    <message>
        <source>Wait until the current answer is finished.</source>
        <translation>Espera a que termine la respuesta actual.</translation>
    </message>
    <message>
        <source>Open a model to run tasks.</source>
        <translation>Abre un modelo para ejecutar tareas.</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>Esperando al modelo…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Respondiendo…</translation>
    </message>
    <message numerus="yes">
        <source>Stopped · %n tokens · %1 tok/s</source>
        <translation>
            <numerusform>Detenido · %n token · %1 tok/s</numerusform>
            <numerusform>Detenido · %n tokens · %1 tok/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · %1 tok/s</source>
        <translation>
            <numerusform>%n token · %1 tok/s</numerusform>
            <numerusform>%n tokens · %1 tok/s</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>The code changed since the task ran; run it again to apply its answer.</source>
        <translation>El código ha cambiado desde que se ejecutó la tarea; vuelve a ejecutarla para aplicar su respuesta.</translation>
    </message>
    <message>
        <source>Applied. Undo (Ctrl+Z) in the editor takes it back.</source>
        <translation>Aplicado. Deshacer (Ctrl+Z) en el editor lo revierte.</translation>
    </message>
    <message>
        <source>Could not read the code panel&apos;s session: %1</source>
        <translation>No se pudo leer la sesión del panel de código: %1</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>Fijadas</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Previous 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Anteriores</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivadas</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ConversationTransfer</name>
    <message>
        <source>Could not export the conversation</source>
        <translation>No se pudo exportar la conversación</translation>
    </message>
    <message>
        <source>Storage error: %1</source>
        <translation>Error de almacenamiento: %1</translation>
    </message>
    <message>
        <source>Could not export the conversations</source>
        <translation>No se pudieron exportar las conversaciones</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>No se pudo escribir %1</translation>
    </message>
    <message>
        <source>Check that the folder exists, that you may write there and that the disk has room. Nothing was changed.</source>
        <translation>Comprueba que la carpeta existe, que puedes escribir en ella y que el disco tiene espacio. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Could not import %1</source>
        <translation>No se pudo importar %1</translation>
    </message>
    <message>
        <source>The file is larger than any Conclave export.</source>
        <translation>El archivo es más grande que cualquier exportación de Conclave.</translation>
    </message>
    <message>
        <source>Choose a file exported by Conclave (JSON).</source>
        <translation>Elige un archivo exportado por Conclave (JSON).</translation>
    </message>
    <message>
        <source>Check that the file exists and that you can read it.</source>
        <translation>Comprueba que el archivo existe y que puedes leerlo.</translation>
    </message>
    <message>
        <source>Choose a file exported by Conclave (JSON). Nothing was imported.</source>
        <translation>Elige un archivo exportado por Conclave (JSON). No se ha importado nada.</translation>
    </message>
    <message>
        <source>Nothing was imported; your conversations are unchanged.</source>
        <translation>No se ha importado nada; tus conversaciones no han cambiado.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::MessageListModel</name>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>reached the token limit</source>
        <translation>alcanzó el límite de tokens</translation>
    </message>
    <message>
        <source>stop string</source>
        <translation>secuencia de parada</translation>
    </message>
    <message>
        <source>context full</source>
        <translation>contexto lleno</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 tok/s</translation>
    </message>
    <message>
        <source>%1 s to first token</source>
        <translation>%1 s hasta el primer token</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrumpida</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelCard</name>
    <message>
        <source>%1 total, %2 active per token</source>
        <translation>%1 en total, %2 activos por token</translation>
    </message>
    <message>
        <source>%1 in %2 parts</source>
        <translation>%1 en %2 partes</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>This file cannot be read as a GGUF model: %1</source>
        <translation>Este archivo no se puede leer como modelo GGUF: %1</translation>
    </message>
    <message>
        <source>Conclave cannot run this model yet (%1).</source>
        <translation>Conclave todavía no puede ejecutar este modelo (%1).</translation>
    </message>
    <message>
        <source>This model cannot be loaded: %1</source>
        <translation>No se puede cargar este modelo: %1</translation>
    </message>
    <message>
        <source>Not enough memory: this model needs about %1 at a context of %2 tokens, but only %3 is available. Close other programs, or choose a shorter context or a smaller model.</source>
        <translation>Memoria insuficiente: este modelo necesita unos %1 con un contexto de %2 tokens, pero solo hay %3 disponibles. Cierra otros programas o elige un contexto más corto o un modelo más pequeño.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelListModel</name>
    <message>
        <source>Recent</source>
        <translation>Recientes</translation>
    </message>
    <message>
        <source>The file is missing: it was moved or deleted.</source>
        <translation>Falta el archivo: se movió o se eliminó.</translation>
    </message>
    <message numerus="yes">
        <source>%n parts</source>
        <translation>
            <numerusform>%n parte</numerusform>
            <numerusform>%n partes</numerusform>
        </translation>
    </message>
    <message>
        <source>Conclave models folder</source>
        <translation>Carpeta de modelos de Conclave</translation>
    </message>
    <message>
        <source>Hugging Face cache</source>
        <translation>Caché de Hugging Face</translation>
    </message>
    <message>
        <source>LM Studio</source>
        <translation>LM Studio</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Descargas</translation>
    </message>
    <message>
        <source>Your folders</source>
        <translation>Tus carpetas</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoritos</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelPicker</name>
    <message>
        <source>Could not save the favourite. The database refused the change.</source>
        <translation>No se pudo guardar el favorito. La base de datos rechazó el cambio.</translation>
    </message>
    <message>
        <source>Could not remove the model from the list. The database refused the change.</source>
        <translation>No se pudo quitar el modelo de la lista. La base de datos rechazó el cambio.</translation>
    </message>
    <message>
        <source>“%1” is not a GGUF model file; %2 still points at its old place.</source>
        <translation>«%1» no es un archivo de modelo GGUF; %2 sigue apuntando a su ubicación anterior.</translation>
    </message>
    <message>
        <source>Could not save the new place of %1. The database refused the change.</source>
        <translation>No se pudo guardar la nueva ubicación de %1. La base de datos rechazó el cambio.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::TextAttachment</name>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation>Solo se pueden adjuntar archivos de este ordenador.</translation>
    </message>
    <message>
        <source>Only files on this computer can be opened.</source>
        <translation>Solo se pueden abrir archivos de este ordenador.</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>«%1» no es un archivo.</translation>
    </message>
    <message>
        <source>“%1” is too large to attach (%2 KiB; the limit is %3 KiB).</source>
        <translation>«%1» es demasiado grande para adjuntarlo (%2 KiB; el límite es %3 KiB).</translation>
    </message>
    <message>
        <source>“%1” is too large to open (%2 KiB; the limit is %3 KiB).</source>
        <translation>«%1» es demasiado grande para abrirlo (%2 KiB; el límite es %3 KiB).</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>No se pudo leer «%1»: %2</translation>
    </message>
    <message>
        <source>“%1” is too large to attach.</source>
        <translation>«%1» es demasiado grande para adjuntarlo.</translation>
    </message>
    <message>
        <source>“%1” is too large to open.</source>
        <translation>«%1» es demasiado grande para abrirlo.</translation>
    </message>
    <message>
        <source>“%1” is not a text file (only UTF-8 text can be attached).</source>
        <translation>«%1» no es un archivo de texto (solo se puede adjuntar texto UTF-8).</translation>
    </message>
    <message>
        <source>“%1” is not a text file (only UTF-8 text can be opened).</source>
        <translation>«%1» no es un archivo de texto (solo se puede abrir texto UTF-8).</translation>
    </message>
</context>
</TS>
