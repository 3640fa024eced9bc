<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>BranchSwitcher</name>
    <message>
        <source>Previous version</source>
        <translation>Version précédente</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Version suivante</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Ask %1 anything.</source>
        <translation>Posez n’importe quelle question à %1.</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>le modèle</translation>
    </message>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ Aller au plus récent</translation>
    </message>
    <message>
        <source>Editing a message — sending makes a new branch with a new answer</source>
        <translation>Modification d’un message — l’envoi crée une nouvelle branche avec une nouvelle réponse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ChatStorage</name>
    <message>
        <source>The database was written by a newer Conclave and was left untouched. Update Conclave to see your conversations; until then new chats are not saved.</source>
        <translation>La base de données a été écrite par une version plus récente de Conclave et n’a pas été modifiée. Mettez Conclave à jour pour retrouver vos conversations&#xa0;; d’ici là, les nouvelles discussions ne sont pas enregistrées.</translation>
    </message>
    <message>
        <source>Make the data folder writable and restart Conclave; until then new chats are not saved.</source>
        <translation>Rendez le dossier de données accessible en écriture et redémarrez Conclave&#xa0;; d’ici là, les nouvelles discussions ne sont pas enregistrées.</translation>
    </message>
    <message>
        <source>Restart Conclave to try again; until then new chats are not saved.</source>
        <translation>Redémarrez Conclave pour réessayer&#xa0;; d’ici là, les nouvelles discussions ne sont pas enregistrées.</translation>
    </message>
    <message>
        <source>The conversation database was damaged</source>
        <translation>La base de données des conversations était endommagée</translation>
    </message>
    <message>
        <source>It was moved to %1. Recovered: %2, %3.</source>
        <translation>Elle a été déplacée vers %1. Récupéré&#xa0;: %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversations</source>
        <translation>
            <numerusform>%n conversation</numerusform>
            <numerusform>%n conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the recovered conversations; the damaged file is kept for a closer look.</source>
        <translation>Vérifiez les conversations récupérées&#xa0;; le fichier endommagé est conservé pour un examen plus approfondi.</translation>
    </message>
    <message>
        <source>Conversations cannot be saved</source>
        <translation>Impossible d’enregistrer les conversations</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Open in code panel</source>
        <translation>Ouvrir dans le panneau de code</translation>
    </message>
    <message>
        <source>Open the code in the code panel</source>
        <translation>Ouvrir le code dans le panneau de code</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <source>Paste code here, or open a file (Ctrl+O) or drop one.</source>
        <translation>Collez du code ici, ou ouvrez un fichier (Ctrl+O) ou déposez-en un.</translation>
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
        <translation>Ouvrir un fichier source</translation>
    </message>
    <message>
        <source>Save the code</source>
        <translation>Enregistrer le code</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langage</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Start with an empty code panel</source>
        <translation>Repartir d’un panneau de code vide</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open a file in the code panel</source>
        <translation>Ouvrir un fichier dans le panneau de code</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the code to its file</source>
        <translation>Enregistrer le code dans son fichier</translation>
    </message>
    <message>
        <source>Discuss in chat</source>
        <translation>En discuter</translation>
    </message>
    <message>
        <source>Discuss the code in a new chat</source>
        <translation>Discuter du code dans une nouvelle conversation</translation>
    </message>
    <message>
        <source>Close the code panel</source>
        <translation>Fermer le panneau de code</translation>
    </message>
    <message>
        <source>“%1” changed on disk since it was opened. Overwrite it?</source>
        <translation>«&#xa0;%1&#xa0;» a été modifié sur le disque depuis son ouverture. L’écraser&#xa0;?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Écraser</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The selection: %1 of %2 tokens of context</source>
        <translation>La sélection&#xa0;: %1 sur %2 jetons de contexte</translation>
    </message>
    <message>
        <source>The code: %1 of %2 tokens of context</source>
        <translation>Le code&#xa0;: %1 sur %2 jetons de contexte</translation>
    </message>
    <message>
        <source>too large: select less</source>
        <translation>trop grand&#xa0;: sélectionnez moins</translation>
    </message>
    <message>
        <source>too large for the model: select a part, and tasks use the selection</source>
        <translation>trop grand pour le modèle&#xa0;: sélectionnez une partie, les tâches utiliseront la sélection</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Expliquer</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Relire</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Write tests</source>
        <translation>Écrire des tests</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documenter</translation>
    </message>
    <message>
        <source>Convert to</source>
        <translation>Convertir en</translation>
    </message>
    <message>
        <source>Convert to another language</source>
        <translation>Convertir dans un autre langage</translation>
    </message>
    <message>
        <source>Language to convert to</source>
        <translation>Langage cible</translation>
    </message>
    <message>
        <source>An instruction, or the problem for Fix</source>
        <translation>Une consigne, ou le problème à corriger</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Consigne</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Ask the model to follow the instruction</source>
        <translation>Demander au modèle de suivre la consigne</translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 jetons/s</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Modification %1</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Apply the change to the code</source>
        <translation>Appliquer la modification au code</translation>
    </message>
    <message>
        <source>Copy as unified diff</source>
        <translation>Copier en diff unifié</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Show the change side by side</source>
        <translation>Afficher la modification côte à côte</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>Sessions récentes</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>« %1 » supprimée</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Open a model to start chatting</source>
        <translation>Ouvrez un modèle pour commencer à discuter</translation>
    </message>
    <message>
        <source>Message the model — Ctrl+Enter to send, Enter for a new line</source>
        <translation>Écrivez au modèle — Ctrl+Entrée pour envoyer, Entrée pour une nouvelle ligne</translation>
    </message>
    <message>
        <source>Message the model — Enter to send, Shift+Enter for a new line</source>
        <translation>Écrivez au modèle — Entrée pour envoyer, Maj+Entrée pour une nouvelle ligne</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Arrêter (Échap)</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Envoyer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <source>This message does not fit in the context (%1 tokens). Start a new chat, or shorten the message.</source>
        <translation>Ce message ne tient pas dans le contexte (%1 jetons). Commencez une nouvelle conversation ou raccourcissez le message.</translation>
    </message>
    <message>
        <source>The context is nearly full: the answer will stop when it reaches %1 tokens. A new chat starts empty.</source>
        <translation>Le contexte est presque plein&#xa0;: la réponse s’arrêtera à %1 jetons. Une nouvelle conversation repart de zéro.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 jetons</translation>
    </message>
    <message>
        <source>Context used: %1 of %2 tokens</source>
        <translation>Contexte utilisé&#xa0;: %1 sur %2 jetons</translation>
    </message>
</context>
<context>
    <name>ConversationSettingsPopup</name>
    <message>
        <source>Own value for %1</source>
        <translation>Valeur propre pour %1</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Paramètres de la conversation</translation>
    </message>
    <message>
        <source>Close conversation settings</source>
        <translation>Fermer les paramètres de la conversation</translation>
    </message>
    <message>
        <source>For “%1” only. A value not ticked follows the model&apos;s settings.</source>
        <translation>Pour «&#xa0;%1&#xa0;» uniquement. Une valeur non cochée suit les paramètres du modèle.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <source>No system prompt</source>
        <translation>Aucun prompt système</translation>
    </message>
    <message>
        <source>Conversation system prompt</source>
        <translation>Prompt système de la conversation</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
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
        <translation>Pénalité de répétition</translation>
    </message>
    <message>
        <source>Seed (−1: random)</source>
        <translation>Graine (−1&#xa0;: aléatoire)</translation>
    </message>
    <message>
        <source>Changes apply to the next answer.</source>
        <translation>Les modifications s’appliquent à la prochaine réponse.</translation>
    </message>
    <message>
        <source>Use model defaults</source>
        <translation>Utiliser les valeurs du modèle</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>Jetons max. par réponse</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Effort de raisonnement</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
</context>
<context>
    <name>ConversationStore</name>
    <message>
        <source>The conversations are kept in memory this session (the database could not be opened), so they cannot be exported or imported.</source>
        <translation>Les conversations sont gardées en mémoire pendant cette session (la base de données n’a pas pu être ouverte)&#xa0;; elles ne peuvent donc être ni exportées ni importées.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Hide details</source>
        <translation>Masquer les détails</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
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
        <translation>Ouvrir un modèle GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Drop to open the file in the code panel</source>
        <translation>Déposez pour ouvrir le fichier dans le panneau de code</translation>
    </message>
    <message>
        <source>Drop to attach the file to your message</source>
        <translation>Déposez pour joindre le fichier à votre message</translation>
    </message>
    <message>
        <source>Drop to open the model</source>
        <translation>Déposez pour ouvrir le modèle</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Modifier le message</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Réflexion…</translation>
    </message>
    <message>
        <source>Thought process</source>
        <translation>Raisonnement</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Copier la réponse</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <source>Regenerate the answer</source>
        <translation>Régénérer la réponse</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Loading %1</source>
        <translation>Chargement de %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1
Click to choose another model</source>
        <translation>%1
Cliquez pour choisir un autre modèle</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modèle&#xa0;: %1</translation>
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
        <translation>S’exécute sur le GPU</translation>
    </message>
    <message>
        <source>Runs on the CPU</source>
        <translation>S’exécute sur le CPU</translation>
    </message>
    <message>
        <source>%1 ctx</source>
        <translation>%1 ctx</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>Ouvrir un modèle…</translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+Shift+S): this conversation has its own</source>
        <translation>Paramètres de la conversation (Ctrl+Maj+S)&#xa0;: cette conversation a les siens</translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+Shift+S)</source>
        <translation>Paramètres de la conversation (Ctrl+Maj+S)</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Paramètres de la conversation</translation>
    </message>
</context>
<context>
    <name>ModelCardView</name>
    <message>
        <source>Reading the model file</source>
        <translation>Lecture du fichier du modèle</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>non indiquée</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>Experts</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantification</translation>
    </message>
    <message>
        <source>Trained context</source>
        <translation>Contexte d’entraînement</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Taille du fichier</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Mémoire nécessaire</translation>
    </message>
    <message>
        <source>about %1 at %2 tokens of context</source>
        <translation>environ %1 pour %2 jetons de contexte</translation>
    </message>
    <message>
        <source>Memory available</source>
        <translation>Mémoire disponible</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Back to the model list</source>
        <translation>Retour à la liste des modèles</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Charger %1</translation>
    </message>
</context>
<context>
    <name>ModelPickerPopup</name>
    <message>
        <source>Add a folder to search for models</source>
        <translation>Ajouter un dossier où chercher des modèles</translation>
    </message>
    <message>
        <source>Filter models</source>
        <translation>Filtrer les modèles</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Looking for models…</source>
        <translation>Recherche de modèles…</translation>
    </message>
    <message>
        <source>No model matches</source>
        <translation>Aucun modèle ne correspond</translation>
    </message>
    <message>
        <source>No GGUF models found. Open a file, or add the folder that holds your models.</source>
        <translation>Aucun modèle GGUF trouvé. Ouvrez un fichier ou ajoutez le dossier qui contient vos modèles.</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Ouvrir un fichier GGUF…</translation>
    </message>
    <message>
        <source>Open a GGUF file</source>
        <translation>Ouvrir un fichier GGUF</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <source>Stop searching %1</source>
        <translation>Ne plus chercher dans %1</translation>
    </message>
    <message>
        <source>Remove the folder %1</source>
        <translation>Retirer le dossier %1</translation>
    </message>
    <message>
        <source>Looking for models</source>
        <translation>Recherche de modèles</translation>
    </message>
    <message>
        <source>Locate the model file</source>
        <translation>Retrouver le fichier du modèle</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>Retirer des favoris</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>Ajouter aux favoris</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>Retrouver…</translation>
    </message>
    <message>
        <source>Remove from recent</source>
        <translation>Retirer des récents</translation>
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
        <translation>%1 (favori), %2</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>Retirer des favoris</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>Ajouter aux favoris</translation>
    </message>
    <message>
        <source>Remove %1 from favourites</source>
        <translation>Retirer %1 des favoris</translation>
    </message>
    <message>
        <source>Add %1 to favourites</source>
        <translation>Ajouter %1 aux favoris</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Plus d’actions</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Actions pour %1</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search all conversations</source>
        <translation>Rechercher dans toutes les conversations</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Type to search messages and titles</source>
        <translation>Tapez pour chercher dans les messages et les titres</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Aucun résultat</translation>
    </message>
</context>
<context>
    <name>SessionsPopup</name>
    <message>
        <source>Delete the session</source>
        <translation>Supprimer la session</translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>Aucune session pour l’instant</translation>
    </message>
</context>
<context>
    <name>SettingsDrawer</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Fermer les paramètres</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>Paramètres du modèle</translation>
    </message>
    <message>
        <source>For %1; saved for this model and restored when it is opened again.</source>
        <translation>Pour %1&#xa0;; enregistrés pour ce modèle et rétablis à sa prochaine ouverture.</translation>
    </message>
    <message>
        <source>Open a model to change its settings.</source>
        <translation>Ouvrez un modèle pour modifier ses paramètres.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <source>e.g. You are a concise assistant.</source>
        <translation>p. ex. Tu es un assistant concis.</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Effort de raisonnement</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <source>This model&apos;s chat template lets you choose how it reasons.</source>
        <translation>Le gabarit de conversation de ce modèle vous permet de choisir sa façon de raisonner.</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the most likely word.</source>
        <translation>Plus elle est élevée, plus les réponses varient&#xa0;; 0 choisit toujours le mot le plus probable.</translation>
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
        <translation>Pénalité de répétition</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>Jetons max. par réponse</translation>
    </message>
    <message>
        <source>Seed (−1: random)</source>
        <translation>Graine (−1&#xa0;: aléatoire)</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Taille du contexte</translation>
    </message>
    <message>
        <source>Threads (0: all cores)</source>
        <translation>Threads (0&#xa0;: tous les cœurs)</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Exécuter sur</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Run on the CPU</source>
        <translation>Exécuter sur le CPU</translation>
    </message>
    <message>
        <source>GPU (Vulkan)</source>
        <translation>GPU (Vulkan)</translation>
    </message>
    <message>
        <source>Run on the GPU (Vulkan)</source>
        <translation>Exécuter sur le GPU (Vulkan)</translation>
    </message>
    <message>
        <source>No GPU can be used: %1</source>
        <translation>Aucun GPU utilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>GPU (for all models)</source>
        <translation>GPU (pour tous les modèles)</translation>
    </message>
    <message>
        <source>Automatic (best GPU)</source>
        <translation>Automatique (meilleur GPU)</translation>
    </message>
    <message>
        <source>GPU for all models</source>
        <translation>GPU pour tous les modèles</translation>
    </message>
    <message>
        <source>GPU memory budget (MiB, 0: automatic)</source>
        <translation>Budget mémoire GPU (Mio, 0&#xa0;: automatique)</translation>
    </message>
    <message>
        <source>Weights that do not fit the budget run on the CPU; automatic uses the GPU&apos;s free memory less a margin.</source>
        <translation>Les poids qui dépassent le budget s’exécutent sur le CPU&#xa0;; en automatique, la mémoire libre du GPU moins une marge est utilisée.</translation>
    </message>
    <message>
        <source>Context length, threads, where the model runs, the GPU and the GPU memory budget apply when the model is next opened.</source>
        <translation>La taille du contexte, les threads, le lieu d’exécution, le GPU et le budget mémoire GPU s’appliquent à la prochaine ouverture du modèle.</translation>
    </message>
    <message>
        <source>Reopen the model now</source>
        <translation>Rouvrir le modèle maintenant</translation>
    </message>
    <message>
        <source>Where the model runs</source>
        <translation>Où le modèle s’exécute</translation>
    </message>
    <message>
        <source>Everything runs on the CPU.</source>
        <translation>Tout s’exécute sur le CPU.</translation>
    </message>
    <message>
        <source>Reset to model defaults</source>
        <translation>Rétablir les valeurs du modèle</translation>
    </message>
    <message>
        <source>App settings</source>
        <translation>Paramètres de l’application</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Send with</source>
        <translation>Envoyer avec</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Enter starts a new line.</source>
        <translation>Entrée commence une nouvelle ligne.</translation>
    </message>
    <message>
        <source>Shift+Enter starts a new line.</source>
        <translation>Maj+Entrée commence une nouvelle ligne.</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Modèle par défaut</translation>
    </message>
    <message>
        <source>None chosen: Conclave opens SmolLM2 from its models folder when it is there, else it starts without a model.</source>
        <translation>Aucun modèle choisi&#xa0;: Conclave ouvre SmolLM2 depuis son dossier de modèles s’il s’y trouve, sinon il démarre sans modèle.</translation>
    </message>
    <message>
        <source>%1, opened when Conclave starts.</source>
        <translation>%1, ouvert au démarrage de Conclave.</translation>
    </message>
    <message>
        <source>Use the open model</source>
        <translation>Utiliser le modèle ouvert</translation>
    </message>
    <message>
        <source>Use the open model as the default model</source>
        <translation>Utiliser le modèle ouvert comme modèle par défaut</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear the default model</source>
        <translation>Effacer le modèle par défaut</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>Conversations and settings are kept here, in conclave.db.</source>
        <translation>Les conversations et les paramètres sont conservés ici, dans conclave.db.</translation>
    </message>
    <message>
        <source>This conversation has its own settings (⚙ beside its title, Ctrl+Shift+S); they win over the model&apos;s.</source>
        <translation>Cette conversation a ses propres paramètres (⚙ à côté de son titre, Ctrl+Maj+S)&#xa0;; ils l’emportent sur ceux du modèle.</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>Rechercher dans toutes les conversations</translation>
    </message>
    <message>
        <source>Rename the conversation in focus</source>
        <translation>Renommer la conversation sélectionnée</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Saisie</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Nouvelle ligne</translation>
    </message>
    <message>
        <source>Edit the last message (empty composer)</source>
        <translation>Modifier le dernier message (zone de saisie vide)</translation>
    </message>
    <message>
        <source>Stop the answer, cancel loading or editing</source>
        <translation>Arrêter la réponse, annuler le chargement ou la modification</translation>
    </message>
    <message>
        <source>Code panel</source>
        <translation>Panneau de code</translation>
    </message>
    <message>
        <source>Show or hide the code panel</source>
        <translation>Afficher ou masquer le panneau de code</translation>
    </message>
    <message>
        <source>Open a file (in the code panel)</source>
        <translation>Ouvrir un fichier (dans le panneau de code)</translation>
    </message>
    <message>
        <source>Save the code to its file (in the code panel)</source>
        <translation>Enregistrer le code dans son fichier (dans le panneau de code)</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>Ouvrir un fichier de modèle</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Show these shortcuts</source>
        <translation>Afficher ces raccourcis</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Maj</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Archive or unarchive the conversation</source>
        <translation>Archiver ou désarchiver la conversation</translation>
    </message>
    <message>
        <source>This conversation&apos;s own settings</source>
        <translation>Paramètres propres à cette conversation</translation>
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
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>Nouvelle conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>Titre de la conversation</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Actions sur la conversation</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épingler</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Your conversations will appear here.</source>
        <translation>Vos conversations apparaîtront ici.</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>« %1 » supprimée</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export the conversation as Markdown</source>
        <translation>Exporter la conversation en Markdown</translation>
    </message>
    <message>
        <source>Export the conversation as JSON</source>
        <translation>Exporter la conversation en JSON</translation>
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
        <translation>Exporter toutes les conversations en JSON</translation>
    </message>
    <message>
        <source>Conclave conversations</source>
        <translation>Conversations Conclave</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>Importer des conversations</translation>
    </message>
    <message>
        <source>Conclave export (*.json)</source>
        <translation>Export Conclave (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Désarchiver</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Exporter en Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Hide archived (%1)</source>
        <translation>Masquer les archives (%1)</translation>
    </message>
    <message>
        <source>Show archived (%1)</source>
        <translation>Afficher les archives (%1)</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>Importer et exporter</translation>
    </message>
    <message>
        <source>Import conversations…</source>
        <translation>Importer des conversations…</translation>
    </message>
    <message>
        <source>Export all conversations…</source>
        <translation>Exporter toutes les conversations…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Conclave</source>
        <translation>Bienvenue dans Conclave</translation>
    </message>
    <message>
        <source>Chat with language models that run entirely on this computer. Nothing you type leaves it.</source>
        <translation>Discutez avec des modèles de langage qui s’exécutent entièrement sur cet ordinateur. Rien de ce que vous tapez n’en sort.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Open a GGUF model…</source>
        <translation>Ouvrir un modèle GGUF…</translation>
    </message>
    <message>
        <source>or drop a .gguf file onto this window · Ctrl+O</source>
        <translation>ou déposez un fichier .gguf sur cette fenêtre · Ctrl+O</translation>
    </message>
    <message>
        <source>Models are GGUF files. Conclave looks for them in:
%1
scripts/fetch-default-model puts SmolLM2-135M-Instruct there.</source>
        <translation>Les modèles sont des fichiers GGUF. Conclave les cherche dans&#xa0;:
%1
scripts/fetch-default-model y place SmolLM2-135M-Instruct.</translation>
    </message>
</context>
<context>
    <name>conclave::app::Composition</name>
    <message>
        <source>Could not save the settings</source>
        <translation>Impossible d’enregistrer les paramètres</translation>
    </message>
</context>
<context>
    <name>conclave::app::EngineWorker</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Le chargement a été annulé.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model file first.</source>
        <translation>Aucun modèle n’est chargé. Ouvrez d’abord un fichier de modèle GGUF.</translation>
    </message>
    <message>
        <source>The conversation (%1 tokens) no longer fits in the context of %2 tokens. Start a new chat, or raise the context length in the settings.</source>
        <translation>La conversation (%1 jetons) ne tient plus dans le contexte de %2 jetons. Commencez une nouvelle conversation ou augmentez la taille du contexte dans les paramètres.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Aucun modèle n’est chargé.</translation>
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
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>discrete GPU</source>
        <translation>GPU dédié</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>GPU intégré</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>GPU virtuel</translation>
    </message>
    <message>
        <source>software renderer on the CPU</source>
        <translation>rendu logiciel sur le CPU</translation>
    </message>
    <message>
        <source>other device</source>
        <translation>autre périphérique</translation>
    </message>
    <message>
        <source>%1 — %2, %3 GiB</source>
        <translation>%1 — %2, %3 Gio</translation>
    </message>
    <message>
        <source>%1, the GPU chosen before, was not found when Conclave started (the GPUs or their driver changed), so the best GPU is used. Choose a GPU to replace the old choice.</source>
        <translation>%1, le GPU choisi auparavant, était introuvable au démarrage de Conclave (les GPU ou leur pilote ont changé)&#xa0;; le meilleur GPU est donc utilisé. Choisissez un GPU pour remplacer l’ancien choix.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Check that the file exists and that you can read it.</source>
        <translation>Vérifiez que le fichier existe et que vous pouvez le lire.</translation>
    </message>
    <message>
        <source>The file is not a GGUF model, or it is damaged or incomplete. Download it again.</source>
        <translation>Le fichier n’est pas un modèle GGUF, ou il est endommagé ou incomplet. Téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>Conclave cannot run this model yet. Try another model file.</source>
        <translation>Conclave ne sait pas encore exécuter ce modèle. Essayez un autre fichier de modèle.</translation>
    </message>
    <message>
        <source>Close other programs, or choose a smaller model or a shorter context.</source>
        <translation>Fermez d’autres programmes, ou choisissez un modèle plus petit ou un contexte plus court.</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed. Try another model file.</source>
        <translation>Le gabarit de conversation du modèle a échoué. Essayez un autre fichier de modèle.</translation>
    </message>
    <message>
        <source>The GPU or its driver failed. Try again, or use the CPU.</source>
        <translation>Le GPU ou son pilote a échoué. Réessayez ou utilisez le CPU.</translation>
    </message>
    <message>
        <source>Free some disk space. The conversation stays open and is saved as soon as there is room.</source>
        <translation>Libérez de l’espace disque. La conversation reste ouverte et sera enregistrée dès qu’il y aura de la place.</translation>
    </message>
    <message>
        <source>Make the data folder writable. The conversation stays open and is saved once it can be.</source>
        <translation>Rendez le dossier de données accessible en écriture. La conversation reste ouverte et sera enregistrée dès que possible.</translation>
    </message>
    <message>
        <source>The conversation stays open; Conclave tries to save it again every few seconds.</source>
        <translation>La conversation reste ouverte&#xa0;; Conclave réessaie de l’enregistrer toutes les quelques secondes.</translation>
    </message>
    <message>
        <source>Could not save the conversation</source>
        <translation>Impossible d’enregistrer la conversation</translation>
    </message>
    <message>
        <source>Storage error: %1</source>
        <translation>Erreur de stockage&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 runs partly on the CPU</source>
        <translation>%1 s’exécute en partie sur le CPU</translation>
    </message>
    <message>
        <source>%1 runs on the CPU</source>
        <translation>%1 s’exécute sur le CPU</translation>
    </message>
    <message>
        <source>“Run on” and the GPU memory budget are in the model settings; they apply when the model is next opened.</source>
        <translation>«&#xa0;Exécuter sur&#xa0;» et le budget mémoire GPU se trouvent dans les paramètres du modèle&#xa0;; ils s’appliquent à la prochaine ouverture du modèle.</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>Impossible d’ouvrir %1</translation>
    </message>
    <message>
        <source>The answer could not be generated</source>
        <translation>La réponse n’a pas pu être générée</translation>
    </message>
    <message>
        <source>Error code: %1 (%2)</source>
        <translation>Code d’erreur&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporté</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Conversations added: %1, merged: %2; messages added: %3.</source>
        <translation>Conversations ajoutées&#xa0;: %1, fusionnées&#xa0;: %2&#xa0;; messages ajoutés&#xa0;: %3.</translation>
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
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Aucune modification</translation>
    </message>
    <message>
        <source>+%1 −%2 lines</source>
        <translation>+%1 −%2 lignes</translation>
    </message>
    <message>
        <source>Could not save the panel&apos;s settings: %1</source>
        <translation>Impossible d’enregistrer les paramètres du panneau&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not save the code panel&apos;s session: %1</source>
        <translation>Impossible d’enregistrer la session du panneau de code&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose a file to save to.</source>
        <translation>Choisissez un fichier où enregistrer.</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>Impossible d’enregistrer «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Only files on this computer can be saved.</source>
        <translation>Seuls les fichiers de cet ordinateur peuvent être enregistrés.</translation>
    </message>
    <message>
        <source>There is no code to work on.</source>
        <translation>Il n’y a pas de code à traiter.</translation>
    </message>
    <message>
        <source>Write an instruction first.</source>
        <translation>Écrivez d’abord une consigne.</translation>
    </message>
    <message>
        <source>Choose another language to convert to.</source>
        <translation>Choisissez un autre langage cible.</translation>
    </message>
    <message>
        <source>Wait until the current answer is finished.</source>
        <translation>Attendez la fin de la réponse en cours.</translation>
    </message>
    <message>
        <source>Open a model to run tasks.</source>
        <translation>Ouvrez un modèle pour lancer des tâches.</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>En attente du modèle…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Réflexion…</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Réponse en cours…</translation>
    </message>
    <message numerus="yes">
        <source>Stopped · %n tokens · %1 tok/s</source>
        <translation>
            <numerusform>Arrêté · %n jeton · %1 jetons/s</numerusform>
            <numerusform>Arrêté · %n jetons · %1 jetons/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · %1 tok/s</source>
        <translation>
            <numerusform>%n jeton · %1 jetons/s</numerusform>
            <numerusform>%n jetons · %1 jetons/s</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>The code changed since the task ran; run it again to apply its answer.</source>
        <translation>Le code a changé depuis l’exécution de la tâche&#xa0;; relancez-la pour appliquer sa réponse.</translation>
    </message>
    <message>
        <source>Applied. Undo (Ctrl+Z) in the editor takes it back.</source>
        <translation>Appliqué. Annuler (Ctrl+Z) dans l’éditeur revient en arrière.</translation>
    </message>
    <message>
        <source>Could not read the code panel&apos;s session: %1</source>
        <translation>Impossible de lire la session du panneau de code&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>Épinglées</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Previous 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Plus anciennes</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivées</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ConversationTransfer</name>
    <message>
        <source>Could not export the conversation</source>
        <translation>Impossible d’exporter la conversation</translation>
    </message>
    <message>
        <source>Storage error: %1</source>
        <translation>Erreur de stockage&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not export the conversations</source>
        <translation>Impossible d’exporter les conversations</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>Impossible d’écrire %1</translation>
    </message>
    <message>
        <source>Check that the folder exists, that you may write there and that the disk has room. Nothing was changed.</source>
        <translation>Vérifiez que le dossier existe, que vous pouvez y écrire et que le disque a de la place. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Could not import %1</source>
        <translation>Impossible d’importer %1</translation>
    </message>
    <message>
        <source>The file is larger than any Conclave export.</source>
        <translation>Le fichier est plus grand que tout export Conclave.</translation>
    </message>
    <message>
        <source>Choose a file exported by Conclave (JSON).</source>
        <translation>Choisissez un fichier exporté par Conclave (JSON).</translation>
    </message>
    <message>
        <source>Check that the file exists and that you can read it.</source>
        <translation>Vérifiez que le fichier existe et que vous pouvez le lire.</translation>
    </message>
    <message>
        <source>Choose a file exported by Conclave (JSON). Nothing was imported.</source>
        <translation>Choisissez un fichier exporté par Conclave (JSON). Rien n’a été importé.</translation>
    </message>
    <message>
        <source>Nothing was imported; your conversations are unchanged.</source>
        <translation>Rien n’a été importé&#xa0;; vos conversations sont inchangées.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::MessageListModel</name>
    <message>
        <source>finished</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>reached the token limit</source>
        <translation>limite de jetons atteinte</translation>
    </message>
    <message>
        <source>stop string</source>
        <translation>séquence d’arrêt</translation>
    </message>
    <message>
        <source>context full</source>
        <translation>contexte plein</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n jeton</numerusform>
            <numerusform>%n jetons</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 jetons/s</translation>
    </message>
    <message>
        <source>%1 s to first token</source>
        <translation>%1 s avant le premier jeton</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompue</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelCard</name>
    <message>
        <source>%1 total, %2 active per token</source>
        <translation>%1 au total, %2 actifs par jeton</translation>
    </message>
    <message>
        <source>%1 in %2 parts</source>
        <translation>%1 en %2 parties</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>This file cannot be read as a GGUF model: %1</source>
        <translation>Ce fichier ne peut pas être lu comme un modèle GGUF&#xa0;: %1</translation>
    </message>
    <message>
        <source>Conclave cannot run this model yet (%1).</source>
        <translation>Conclave ne sait pas encore exécuter ce modèle (%1).</translation>
    </message>
    <message>
        <source>This model cannot be loaded: %1</source>
        <translation>Ce modèle ne peut pas être chargé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not enough memory: this model needs about %1 at a context of %2 tokens, but only %3 is available. Close other programs, or choose a shorter context or a smaller model.</source>
        <translation>Mémoire insuffisante&#xa0;: ce modèle a besoin d’environ %1 pour un contexte de %2 jetons, mais seuls %3 sont disponibles. Fermez d’autres programmes, ou choisissez un contexte plus court ou un modèle plus petit.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelListModel</name>
    <message>
        <source>Recent</source>
        <translation>Récents</translation>
    </message>
    <message>
        <source>The file is missing: it was moved or deleted.</source>
        <translation>Le fichier est introuvable&#xa0;: il a été déplacé ou supprimé.</translation>
    </message>
    <message numerus="yes">
        <source>%n parts</source>
        <translation>
            <numerusform>%n partie</numerusform>
            <numerusform>%n parties</numerusform>
        </translation>
    </message>
    <message>
        <source>Conclave models folder</source>
        <translation>Dossier de modèles de Conclave</translation>
    </message>
    <message>
        <source>Hugging Face cache</source>
        <translation>Cache Hugging Face</translation>
    </message>
    <message>
        <source>LM Studio</source>
        <translation>LM Studio</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Téléchargements</translation>
    </message>
    <message>
        <source>Your folders</source>
        <translation>Vos dossiers</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoris</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelPicker</name>
    <message>
        <source>Could not save the favourite. The database refused the change.</source>
        <translation>Impossible d’enregistrer le favori. La base de données a refusé la modification.</translation>
    </message>
    <message>
        <source>Could not remove the model from the list. The database refused the change.</source>
        <translation>Impossible de retirer le modèle de la liste. La base de données a refusé la modification.</translation>
    </message>
    <message>
        <source>“%1” is not a GGUF model file; %2 still points at its old place.</source>
        <translation>« %1 » n’est pas un fichier de modèle GGUF ; %2 pointe toujours vers son ancien emplacement.</translation>
    </message>
    <message>
        <source>Could not save the new place of %1. The database refused the change.</source>
        <translation>Impossible d’enregistrer le nouvel emplacement de %1. La base de données a refusé la modification.</translation>
    </message>
</context>
<context>
    <name>conclave::ui::TextAttachment</name>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation>Seuls les fichiers de cet ordinateur peuvent être joints.</translation>
    </message>
    <message>
        <source>Only files on this computer can be opened.</source>
        <translation>Seuls les fichiers de cet ordinateur peuvent être ouverts.</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un fichier.</translation>
    </message>
    <message>
        <source>“%1” is too large to attach (%2 KiB; the limit is %3 KiB).</source>
        <translation>«&#xa0;%1&#xa0;» est trop volumineux pour être joint (%2 Kio&#xa0;; la limite est de %3 Kio).</translation>
    </message>
    <message>
        <source>“%1” is too large to open (%2 KiB; the limit is %3 KiB).</source>
        <translation>«&#xa0;%1&#xa0;» est trop volumineux pour être ouvert (%2 Kio&#xa0;; la limite est de %3 Kio).</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>Impossible de lire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>“%1” is too large to attach.</source>
        <translation>«&#xa0;%1&#xa0;» est trop volumineux pour être joint.</translation>
    </message>
    <message>
        <source>“%1” is too large to open.</source>
        <translation>«&#xa0;%1&#xa0;» est trop volumineux pour être ouvert.</translation>
    </message>
    <message>
        <source>“%1” is not a text file (only UTF-8 text can be attached).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un fichier texte (seul du texte UTF-8 peut être joint).</translation>
    </message>
    <message>
        <source>“%1” is not a text file (only UTF-8 text can be opened).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un fichier texte (seul du texte UTF-8 peut être ouvert).</translation>
    </message>
</context>
</TS>
