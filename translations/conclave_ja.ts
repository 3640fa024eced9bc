<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>BranchSwitcher</name>
    <message>
        <source>Previous version</source>
        <translation>前のバージョン</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>次のバージョン</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Ask %1 anything.</source>
        <translation>%1 に何でも聞いてください。</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ 最新へ移動</translation>
    </message>
    <message>
        <source>Editing a message — sending makes a new branch with a new answer</source>
        <translation>メッセージを編集中 — 送信すると新しい回答付きの新しいブランチが作られます</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>ChatStorage</name>
    <message>
        <source>The database was written by a newer Conclave and was left untouched. Update Conclave to see your conversations; until then new chats are not saved.</source>
        <translation>データベースは新しいバージョンの Conclave で書き込まれたため、変更していません。会話を表示するには Conclave を更新してください。それまでは新しいチャットは保存されません。</translation>
    </message>
    <message>
        <source>Make the data folder writable and restart Conclave; until then new chats are not saved.</source>
        <translation>データフォルダーを書き込み可能にして Conclave を再起動してください。それまでは新しいチャットは保存されません。</translation>
    </message>
    <message>
        <source>Restart Conclave to try again; until then new chats are not saved.</source>
        <translation>Conclave を再起動してもう一度お試しください。それまでは新しいチャットは保存されません。</translation>
    </message>
    <message>
        <source>The conversation database was damaged</source>
        <translation>会話データベースが破損していました</translation>
    </message>
    <message>
        <source>It was moved to %1. Recovered: %2, %3.</source>
        <translation>%1 に移動しました。復元したもの：%2、%3。</translation>
    </message>
    <message numerus="yes">
        <source>%n conversations</source>
        <translation>
            <numerusform>%n 件の会話</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n 件のメッセージ</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the recovered conversations; the damaged file is kept for a closer look.</source>
        <translation>復元した会話を確認してください。破損したファイルは詳しく調べられるよう残してあります。</translation>
    </message>
    <message>
        <source>Conversations cannot be saved</source>
        <translation>会話を保存できません</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Open in code panel</source>
        <translation>コードパネルで開く</translation>
    </message>
    <message>
        <source>Open the code in the code panel</source>
        <translation>このコードをコードパネルで開く</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>コードをコピー</translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <source>Paste code here, or open a file (Ctrl+O) or drop one.</source>
        <translation>ここにコードを貼り付けるか、ファイルを開く（Ctrl+O）かドロップしてください。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Open a source file</source>
        <translation>ソースファイルを開く</translation>
    </message>
    <message>
        <source>Save the code</source>
        <translation>コードを保存</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Start with an empty code panel</source>
        <translation>空のコードパネルから始める</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Open a file in the code panel</source>
        <translation>コードパネルでファイルを開く</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the code to its file</source>
        <translation>コードを元のファイルに保存</translation>
    </message>
    <message>
        <source>Discuss in chat</source>
        <translation>チャットで相談</translation>
    </message>
    <message>
        <source>Discuss the code in a new chat</source>
        <translation>新しいチャットでこのコードについて相談</translation>
    </message>
    <message>
        <source>Close the code panel</source>
        <translation>コードパネルを閉じる</translation>
    </message>
    <message>
        <source>“%1” changed on disk since it was opened. Overwrite it?</source>
        <translation>「%1」は開いた後にディスク上で変更されています。上書きしますか？</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>上書き</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The selection: %1 of %2 tokens of context</source>
        <translation>選択範囲：コンテキスト %2 トークン中 %1</translation>
    </message>
    <message>
        <source>The code: %1 of %2 tokens of context</source>
        <translation>コード：コンテキスト %2 トークン中 %1</translation>
    </message>
    <message>
        <source>too large: select less</source>
        <translation>大きすぎます：選択範囲を減らしてください</translation>
    </message>
    <message>
        <source>too large for the model: select a part, and tasks use the selection</source>
        <translation>モデルには大きすぎます：一部を選択すると、タスクは選択範囲を使います</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>Write tests</source>
        <translation>テストを書く</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>ドキュメント化</translation>
    </message>
    <message>
        <source>Convert to</source>
        <translation>変換先</translation>
    </message>
    <message>
        <source>Convert to another language</source>
        <translation>別の言語に変換</translation>
    </message>
    <message>
        <source>Language to convert to</source>
        <translation>変換先の言語</translation>
    </message>
    <message>
        <source>An instruction, or the problem for Fix</source>
        <translation>指示、または「修正」で直す問題</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>指示</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>依頼</translation>
    </message>
    <message>
        <source>Ask the model to follow the instruction</source>
        <translation>指示どおりにするようモデルに依頼</translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 トークン/秒</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>変更 %1</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Apply the change to the code</source>
        <translation>変更をコードに適用</translation>
    </message>
    <message>
        <source>Copy as unified diff</source>
        <translation>unified diff としてコピー</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>コードをコピー</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>左右に並べる</translation>
    </message>
    <message>
        <source>Show the change side by side</source>
        <translation>変更を左右に並べて表示</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>最近のセッション</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>「%1」を削除しました</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Open a model to start chatting</source>
        <translation>モデルを開くとチャットを始められます</translation>
    </message>
    <message>
        <source>Message the model — Ctrl+Enter to send, Enter for a new line</source>
        <translation>モデルへのメッセージ — Ctrl+Enter で送信、Enter で改行</translation>
    </message>
    <message>
        <source>Message the model — Enter to send, Shift+Enter for a new line</source>
        <translation>モデルへのメッセージ — Enter で送信、Shift+Enter で改行</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>停止（Esc）</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>送信（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>送信（Enter）</translation>
    </message>
    <message>
        <source>This message does not fit in the context (%1 tokens). Start a new chat, or shorten the message.</source>
        <translation>このメッセージはコンテキスト（%1 トークン）に収まりません。新しいチャットを始めるか、メッセージを短くしてください。</translation>
    </message>
    <message>
        <source>The context is nearly full: the answer will stop when it reaches %1 tokens. A new chat starts empty.</source>
        <translation>コンテキストがほぼいっぱいです：回答は %1 トークンに達すると止まります。新しいチャットは空の状態から始まります。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 トークン</translation>
    </message>
    <message>
        <source>Context used: %1 of %2 tokens</source>
        <translation>使用中のコンテキスト：%2 トークン中 %1</translation>
    </message>
</context>
<context>
    <name>ConversationSettingsPopup</name>
    <message>
        <source>Own value for %1</source>
        <translation>%1 に独自の値を使う</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>会話の設定</translation>
    </message>
    <message>
        <source>Close conversation settings</source>
        <translation>会話の設定を閉じる</translation>
    </message>
    <message>
        <source>For “%1” only. A value not ticked follows the model&apos;s settings.</source>
        <translation>「%1」だけに適用されます。チェックしていない値はモデルの設定に従います。</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>システムプロンプト</translation>
    </message>
    <message>
        <source>No system prompt</source>
        <translation>システムプロンプトなし</translation>
    </message>
    <message>
        <source>Conversation system prompt</source>
        <translation>会話のシステムプロンプト</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
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
        <translation>繰り返しペナルティ</translation>
    </message>
    <message>
        <source>Seed (−1: random)</source>
        <translation>シード（−1：ランダム）</translation>
    </message>
    <message>
        <source>Changes apply to the next answer.</source>
        <translation>変更は次の回答から適用されます。</translation>
    </message>
    <message>
        <source>Use model defaults</source>
        <translation>モデルの既定値を使う</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>回答あたりの最大トークン数</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>推論の強度</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
</context>
<context>
    <name>ConversationStore</name>
    <message>
        <source>The conversations are kept in memory this session (the database could not be opened), so they cannot be exported or imported.</source>
        <translation>このセッションでは会話はメモリ上にのみ保持されています（データベースを開けませんでした）。そのため書き出しも読み込みもできません。</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Hide details</source>
        <translation>詳細を隠す</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
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
        <translation>GGUF モデルを開く</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF モデル (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Drop to open the file in the code panel</source>
        <translation>ドロップするとファイルをコードパネルで開きます</translation>
    </message>
    <message>
        <source>Drop to attach the file to your message</source>
        <translation>ドロップするとファイルをメッセージに添付します</translation>
    </message>
    <message>
        <source>Drop to open the model</source>
        <translation>ドロップするとモデルを開きます</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>メッセージを編集</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>アシスタント</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Thought process</source>
        <translation>思考過程</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>回答をコピー</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>再生成</translation>
    </message>
    <message>
        <source>Regenerate the answer</source>
        <translation>回答を再生成</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Loading %1</source>
        <translation>%1 を読み込み中</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>%1
Click to choose another model</source>
        <translation>%1
クリックして別のモデルを選択</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>モデル：%1</translation>
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
        <translation>GPU で実行中</translation>
    </message>
    <message>
        <source>Runs on the CPU</source>
        <translation>CPU で実行中</translation>
    </message>
    <message>
        <source>%1 ctx</source>
        <translation>%1 コンテキスト</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>モデルを開く…</translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+Shift+S): this conversation has its own</source>
        <translation>会話の設定（Ctrl+Shift+S）：この会話には独自の設定があります</translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+Shift+S)</source>
        <translation>会話の設定（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>会話の設定</translation>
    </message>
</context>
<context>
    <name>ModelCardView</name>
    <message>
        <source>Reading the model file</source>
        <translation>モデルファイルを読み込み中</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>記載なし</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター数</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>エキスパート</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量子化</translation>
    </message>
    <message>
        <source>Trained context</source>
        <translation>学習時のコンテキスト長</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>ファイルサイズ</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>必要なメモリ</translation>
    </message>
    <message>
        <source>about %1 at %2 tokens of context</source>
        <translation>コンテキスト %2 トークンで約 %1</translation>
    </message>
    <message>
        <source>Memory available</source>
        <translation>利用可能なメモリ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Back to the model list</source>
        <translation>モデル一覧に戻る</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>読み込む</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 を読み込む</translation>
    </message>
</context>
<context>
    <name>ModelPickerPopup</name>
    <message>
        <source>Add a folder to search for models</source>
        <translation>モデルを探すフォルダーを追加</translation>
    </message>
    <message>
        <source>Filter models</source>
        <translation>モデルを絞り込む</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Looking for models…</source>
        <translation>モデルを探しています…</translation>
    </message>
    <message>
        <source>No model matches</source>
        <translation>一致するモデルはありません</translation>
    </message>
    <message>
        <source>No GGUF models found. Open a file, or add the folder that holds your models.</source>
        <translation>GGUF モデルが見つかりません。ファイルを開くか、モデルのあるフォルダーを追加してください。</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>GGUF ファイルを開く…</translation>
    </message>
    <message>
        <source>Open a GGUF file</source>
        <translation>GGUF ファイルを開く</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <source>Stop searching %1</source>
        <translation>%1 の検索をやめる</translation>
    </message>
    <message>
        <source>Remove the folder %1</source>
        <translation>フォルダー %1 を削除</translation>
    </message>
    <message>
        <source>Looking for models</source>
        <translation>モデルを探しています</translation>
    </message>
    <message>
        <source>Locate the model file</source>
        <translation>モデルファイルの場所を指定</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF モデル (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>お気に入りから外す</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>お気に入りに追加</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>場所を指定…</translation>
    </message>
    <message>
        <source>Remove from recent</source>
        <translation>最近使ったモデルから削除</translation>
    </message>
</context>
<context>
    <name>ModelRow</name>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (favourite), %2</source>
        <translation>%1 (お気に入り)、%2</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>お気に入りから外す</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>お気に入りに追加</translation>
    </message>
    <message>
        <source>Remove %1 from favourites</source>
        <translation>%1 をお気に入りから外す</translation>
    </message>
    <message>
        <source>Add %1 to favourites</source>
        <translation>%1 をお気に入りに追加</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>その他の操作</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>%1 の操作</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search all conversations</source>
        <translation>すべての会話を検索</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Type to search messages and titles</source>
        <translation>入力してメッセージとタイトルを検索</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>結果なし</translation>
    </message>
</context>
<context>
    <name>SessionsPopup</name>
    <message>
        <source>Delete the session</source>
        <translation>セッションを削除</translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>セッションはまだありません</translation>
    </message>
</context>
<context>
    <name>SettingsDrawer</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>設定を閉じる</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>モデル設定</translation>
    </message>
    <message>
        <source>For %1; saved for this model and restored when it is opened again.</source>
        <translation>%1 用。このモデル用に保存され、次に開いたときに復元されます。</translation>
    </message>
    <message>
        <source>Open a model to change its settings.</source>
        <translation>設定を変更するにはモデルを開いてください。</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>システムプロンプト</translation>
    </message>
    <message>
        <source>e.g. You are a concise assistant.</source>
        <translation>例：あなたは簡潔に答えるアシスタントです。</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>推論の強度</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>This model&apos;s chat template lets you choose how it reasons.</source>
        <translation>このモデルのチャットテンプレートでは推論のしかたを選べます。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the most likely word.</source>
        <translation>高いほど多様になります。0 では常に最も確率の高い語を選びます。</translation>
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
        <translation>繰り返しペナルティ</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>回答あたりの最大トークン数</translation>
    </message>
    <message>
        <source>Seed (−1: random)</source>
        <translation>シード（−1：ランダム）</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>コンテキスト長</translation>
    </message>
    <message>
        <source>Threads (0: all cores)</source>
        <translation>スレッド数（0：全コア）</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>実行先</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Run on the CPU</source>
        <translation>CPU で実行</translation>
    </message>
    <message>
        <source>GPU (Vulkan)</source>
        <translation>GPU（Vulkan）</translation>
    </message>
    <message>
        <source>Run on the GPU (Vulkan)</source>
        <translation>GPU で実行（Vulkan）</translation>
    </message>
    <message>
        <source>No GPU can be used: %1</source>
        <translation>使用できる GPU がありません：%1</translation>
    </message>
    <message>
        <source>GPU (for all models)</source>
        <translation>GPU（全モデル共通）</translation>
    </message>
    <message>
        <source>Automatic (best GPU)</source>
        <translation>自動（最適な GPU）</translation>
    </message>
    <message>
        <source>GPU for all models</source>
        <translation>全モデルで使う GPU</translation>
    </message>
    <message>
        <source>GPU memory budget (MiB, 0: automatic)</source>
        <translation>GPU メモリの上限（MiB、0：自動）</translation>
    </message>
    <message>
        <source>Weights that do not fit the budget run on the CPU; automatic uses the GPU&apos;s free memory less a margin.</source>
        <translation>上限に収まらない重みは CPU で実行されます。自動では GPU の空きメモリから余裕分を引いた量を使います。</translation>
    </message>
    <message>
        <source>Context length, threads, where the model runs, the GPU and the GPU memory budget apply when the model is next opened.</source>
        <translation>コンテキスト長、スレッド数、実行場所、GPU、GPU メモリの上限は、次にモデルを開いたときに反映されます。</translation>
    </message>
    <message>
        <source>Reopen the model now</source>
        <translation>今すぐモデルを開き直す</translation>
    </message>
    <message>
        <source>Where the model runs</source>
        <translation>モデルの実行場所</translation>
    </message>
    <message>
        <source>Everything runs on the CPU.</source>
        <translation>すべて CPU で実行されます。</translation>
    </message>
    <message>
        <source>Reset to model defaults</source>
        <translation>モデルの既定値に戻す</translation>
    </message>
    <message>
        <source>App settings</source>
        <translation>アプリの設定</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Send with</source>
        <translation>送信キー</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Enter starts a new line.</source>
        <translation>Enter で改行します。</translation>
    </message>
    <message>
        <source>Shift+Enter starts a new line.</source>
        <translation>Shift+Enter で改行します。</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>既定のモデル</translation>
    </message>
    <message>
        <source>None chosen: Conclave opens SmolLM2 from its models folder when it is there, else it starts without a model.</source>
        <translation>未選択：モデルフォルダーに SmolLM2 があれば Conclave はそれを開き、なければモデルなしで起動します。</translation>
    </message>
    <message>
        <source>%1, opened when Conclave starts.</source>
        <translation>%1。Conclave の起動時に開きます。</translation>
    </message>
    <message>
        <source>Use the open model</source>
        <translation>開いているモデルを使う</translation>
    </message>
    <message>
        <source>Use the open model as the default model</source>
        <translation>開いているモデルを既定のモデルにする</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>Clear the default model</source>
        <translation>既定のモデルを解除</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <source>Conversations and settings are kept here, in conclave.db.</source>
        <translation>会話と設定はここの conclave.db に保存されます。</translation>
    </message>
    <message>
        <source>This conversation has its own settings (⚙ beside its title, Ctrl+Shift+S); they win over the model&apos;s.</source>
        <translation>この会話には独自の設定があります（タイトル横の ⚙、Ctrl+Shift+S）。モデルの設定より優先されます。</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>すべての会話を検索</translation>
    </message>
    <message>
        <source>Rename the conversation in focus</source>
        <translation>選択中の会話の名前を変更</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>メッセージを送信</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>改行</translation>
    </message>
    <message>
        <source>Edit the last message (empty composer)</source>
        <translation>最後のメッセージを編集（入力欄が空のとき）</translation>
    </message>
    <message>
        <source>Stop the answer, cancel loading or editing</source>
        <translation>回答を停止、読み込みや編集をキャンセル</translation>
    </message>
    <message>
        <source>Code panel</source>
        <translation>コードパネル</translation>
    </message>
    <message>
        <source>Show or hide the code panel</source>
        <translation>コードパネルの表示／非表示</translation>
    </message>
    <message>
        <source>Open a file (in the code panel)</source>
        <translation>ファイルを開く（コードパネル）</translation>
    </message>
    <message>
        <source>Save the code to its file (in the code panel)</source>
        <translation>コードを元のファイルに保存（コードパネル）</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>アプリケーション</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>モデルファイルを開く</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Show these shortcuts</source>
        <translation>このショートカット一覧を表示</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Archive or unarchive the conversation</source>
        <translation>会話をアーカイブ／アーカイブ解除</translation>
    </message>
    <message>
        <source>This conversation&apos;s own settings</source>
        <translation>この会話独自の設定</translation>
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
        <translation>検索</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>新しいチャット（Ctrl+N）</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>会話のタイトル</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>会話の操作</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>固定を解除</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Your conversations will appear here.</source>
        <translation>ここに会話が表示されます。</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>「%1」を削除しました</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Export the conversation as Markdown</source>
        <translation>会話を Markdown で書き出す</translation>
    </message>
    <message>
        <source>Export the conversation as JSON</source>
        <translation>会話を JSON で書き出す</translation>
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
        <translation>すべての会話を JSON で書き出す</translation>
    </message>
    <message>
        <source>Conclave conversations</source>
        <translation>Conclave の会話</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>会話を読み込む</translation>
    </message>
    <message>
        <source>Conclave export (*.json)</source>
        <translation>Conclave の書き出し (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>アーカイブ解除</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Markdown で書き出す…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>JSON で書き出す…</translation>
    </message>
    <message>
        <source>Hide archived (%1)</source>
        <translation>アーカイブを隠す（%1）</translation>
    </message>
    <message>
        <source>Show archived (%1)</source>
        <translation>アーカイブを表示（%1）</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>読み込みと書き出し</translation>
    </message>
    <message>
        <source>Import conversations…</source>
        <translation>会話を読み込む…</translation>
    </message>
    <message>
        <source>Export all conversations…</source>
        <translation>すべての会話を書き出す…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Conclave</source>
        <translation>Conclave へようこそ</translation>
    </message>
    <message>
        <source>Chat with language models that run entirely on this computer. Nothing you type leaves it.</source>
        <translation>このコンピューター上だけで動く言語モデルとチャットできます。入力した内容が外に出ることはありません。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Open a GGUF model…</source>
        <translation>GGUF モデルを開く…</translation>
    </message>
    <message>
        <source>or drop a .gguf file onto this window · Ctrl+O</source>
        <translation>または .gguf ファイルをこのウィンドウにドロップ · Ctrl+O</translation>
    </message>
    <message>
        <source>Models are GGUF files. Conclave looks for them in:
%1
scripts/fetch-default-model puts SmolLM2-135M-Instruct there.</source>
        <translation>モデルは GGUF ファイルです。Conclave は次の場所を探します：
%1
scripts/fetch-default-model を実行すると SmolLM2-135M-Instruct がそこに置かれます。</translation>
    </message>
</context>
<context>
    <name>conclave::app::Composition</name>
    <message>
        <source>Could not save the settings</source>
        <translation>設定を保存できませんでした</translation>
    </message>
</context>
<context>
    <name>conclave::app::EngineWorker</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>読み込みはキャンセルされました。</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model file first.</source>
        <translation>モデルが読み込まれていません。先に GGUF モデルファイルを開いてください。</translation>
    </message>
    <message>
        <source>The conversation (%1 tokens) no longer fits in the context of %2 tokens. Start a new chat, or raise the context length in the settings.</source>
        <translation>会話（%1 トークン）が %2 トークンのコンテキストに収まらなくなりました。新しいチャットを始めるか、設定でコンテキスト長を増やしてください。</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>モデルが読み込まれていません。</translation>
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
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>discrete GPU</source>
        <translation>ディスクリート GPU</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>内蔵 GPU</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>仮想 GPU</translation>
    </message>
    <message>
        <source>software renderer on the CPU</source>
        <translation>CPU 上のソフトウェアレンダラー</translation>
    </message>
    <message>
        <source>other device</source>
        <translation>その他のデバイス</translation>
    </message>
    <message>
        <source>%1 — %2, %3 GiB</source>
        <translation>%1 — %2、%3 GiB</translation>
    </message>
    <message>
        <source>%1, the GPU chosen before, was not found when Conclave started (the GPUs or their driver changed), so the best GPU is used. Choose a GPU to replace the old choice.</source>
        <translation>以前選んだ GPU「%1」が Conclave の起動時に見つからなかったため（GPU またはドライバーが変わりました）、最適な GPU を使っています。以前の選択を置き換えるには GPU を選んでください。</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <source>Check that the file exists and that you can read it.</source>
        <translation>ファイルが存在し、読み取り権限があることを確認してください。</translation>
    </message>
    <message>
        <source>The file is not a GGUF model, or it is damaged or incomplete. Download it again.</source>
        <translation>このファイルは GGUF モデルではないか、破損しているか不完全です。もう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>Conclave cannot run this model yet. Try another model file.</source>
        <translation>Conclave はこのモデルにまだ対応していません。別のモデルファイルをお試しください。</translation>
    </message>
    <message>
        <source>Close other programs, or choose a smaller model or a shorter context.</source>
        <translation>ほかのプログラムを閉じるか、より小さいモデルか短いコンテキストを選んでください。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed. Try another model file.</source>
        <translation>モデルのチャットテンプレートでエラーが発生しました。別のモデルファイルをお試しください。</translation>
    </message>
    <message>
        <source>The GPU or its driver failed. Try again, or use the CPU.</source>
        <translation>GPU またはそのドライバーでエラーが発生しました。もう一度試すか、CPU を使ってください。</translation>
    </message>
    <message>
        <source>Free some disk space. The conversation stays open and is saved as soon as there is room.</source>
        <translation>ディスクの空き容量を確保してください。会話は開いたままで、空きができしだい保存されます。</translation>
    </message>
    <message>
        <source>Make the data folder writable. The conversation stays open and is saved once it can be.</source>
        <translation>データフォルダーを書き込み可能にしてください。会話は開いたままで、保存できるようになりしだい保存されます。</translation>
    </message>
    <message>
        <source>The conversation stays open; Conclave tries to save it again every few seconds.</source>
        <translation>会話は開いたままです。Conclave は数秒ごとに保存を再試行します。</translation>
    </message>
    <message>
        <source>Could not save the conversation</source>
        <translation>会話を保存できませんでした</translation>
    </message>
    <message>
        <source>Storage error: %1</source>
        <translation>保存エラー：%1</translation>
    </message>
    <message>
        <source>%1 runs partly on the CPU</source>
        <translation>%1 は一部 CPU で実行されます</translation>
    </message>
    <message>
        <source>%1 runs on the CPU</source>
        <translation>%1 は CPU で実行されます</translation>
    </message>
    <message>
        <source>“Run on” and the GPU memory budget are in the model settings; they apply when the model is next opened.</source>
        <translation>「実行先」と GPU メモリの上限はモデル設定にあります。次にモデルを開いたときに反映されます。</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 を開けませんでした</translation>
    </message>
    <message>
        <source>The answer could not be generated</source>
        <translation>回答を生成できませんでした</translation>
    </message>
    <message>
        <source>Error code: %1 (%2)</source>
        <translation>エラーコード：%1（%2）</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>書き出しました</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>読み込みました</translation>
    </message>
    <message>
        <source>Conversations added: %1, merged: %2; messages added: %3.</source>
        <translation>追加した会話：%1、統合した会話：%2、追加したメッセージ：%3。</translation>
    </message>
</context>
<context>
    <name>conclave::ui::CodePanelController</name>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>プレーンテキスト</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>+%1 −%2 lines</source>
        <translation>+%1 −%2 行</translation>
    </message>
    <message>
        <source>Could not save the panel&apos;s settings: %1</source>
        <translation>パネルの設定を保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Could not save the code panel&apos;s session: %1</source>
        <translation>コードパネルのセッションを保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Choose a file to save to.</source>
        <translation>保存先のファイルを選んでください。</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>「%1」を保存できませんでした：%2</translation>
    </message>
    <message>
        <source>Only files on this computer can be saved.</source>
        <translation>保存できるのはこのコンピューター上のファイルだけです。</translation>
    </message>
    <message>
        <source>There is no code to work on.</source>
        <translation>対象のコードがありません。</translation>
    </message>
    <message>
        <source>Write an instruction first.</source>
        <translation>先に指示を書いてください。</translation>
    </message>
    <message>
        <source>Choose another language to convert to.</source>
        <translation>別の変換先の言語を選んでください。</translation>
    </message>
    <message>
        <source>Wait until the current answer is finished.</source>
        <translation>現在の回答が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Open a model to run tasks.</source>
        <translation>タスクを実行するにはモデルを開いてください。</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>モデルを待っています…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>回答中…</translation>
    </message>
    <message numerus="yes">
        <source>Stopped · %n tokens · %1 tok/s</source>
        <translation>
            <numerusform>停止 · %n トークン · %1 トークン/秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · %1 tok/s</source>
        <translation>
            <numerusform>%n トークン · %1 トークン/秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗：%1</translation>
    </message>
    <message>
        <source>The code changed since the task ran; run it again to apply its answer.</source>
        <translation>タスクの実行後にコードが変更されました。回答を適用するにはタスクをもう一度実行してください。</translation>
    </message>
    <message>
        <source>Applied. Undo (Ctrl+Z) in the editor takes it back.</source>
        <translation>適用しました。エディターで元に戻す（Ctrl+Z）と取り消せます。</translation>
    </message>
    <message>
        <source>Could not read the code panel&apos;s session: %1</source>
        <translation>コードパネルのセッションを読み込めませんでした：%1</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>固定済み</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Previous 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>それ以前</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ConversationTransfer</name>
    <message>
        <source>Could not export the conversation</source>
        <translation>会話を書き出せませんでした</translation>
    </message>
    <message>
        <source>Storage error: %1</source>
        <translation>保存エラー：%1</translation>
    </message>
    <message>
        <source>Could not export the conversations</source>
        <translation>会話を書き出せませんでした</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 を書き込めませんでした</translation>
    </message>
    <message>
        <source>Check that the folder exists, that you may write there and that the disk has room. Nothing was changed.</source>
        <translation>フォルダーが存在し、書き込み権限があり、ディスクに空きがあることを確認してください。何も変更されていません。</translation>
    </message>
    <message>
        <source>Could not import %1</source>
        <translation>%1 を読み込めませんでした</translation>
    </message>
    <message>
        <source>The file is larger than any Conclave export.</source>
        <translation>このファイルは Conclave の書き出しとしては大きすぎます。</translation>
    </message>
    <message>
        <source>Choose a file exported by Conclave (JSON).</source>
        <translation>Conclave で書き出したファイル（JSON）を選んでください。</translation>
    </message>
    <message>
        <source>Check that the file exists and that you can read it.</source>
        <translation>ファイルが存在し、読み取り権限があることを確認してください。</translation>
    </message>
    <message>
        <source>Choose a file exported by Conclave (JSON). Nothing was imported.</source>
        <translation>Conclave で書き出したファイル（JSON）を選んでください。何も読み込まれていません。</translation>
    </message>
    <message>
        <source>Nothing was imported; your conversations are unchanged.</source>
        <translation>何も読み込まれていません。会話は変更されていません。</translation>
    </message>
</context>
<context>
    <name>conclave::ui::MessageListModel</name>
    <message>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>reached the token limit</source>
        <translation>トークン上限に到達</translation>
    </message>
    <message>
        <source>stop string</source>
        <translation>停止文字列</translation>
    </message>
    <message>
        <source>context full</source>
        <translation>コンテキストが満杯</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n トークン</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 トークン/秒</translation>
    </message>
    <message>
        <source>%1 s to first token</source>
        <translation>最初のトークンまで %1 秒</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelCard</name>
    <message>
        <source>%1 total, %2 active per token</source>
        <translation>合計 %1、トークンごとに %2 がアクティブ</translation>
    </message>
    <message>
        <source>%1 in %2 parts</source>
        <translation>%1（%2 分割）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>This file cannot be read as a GGUF model: %1</source>
        <translation>このファイルは GGUF モデルとして読み込めません：%1</translation>
    </message>
    <message>
        <source>Conclave cannot run this model yet (%1).</source>
        <translation>Conclave はこのモデルにまだ対応していません（%1）。</translation>
    </message>
    <message>
        <source>This model cannot be loaded: %1</source>
        <translation>このモデルは読み込めません：%1</translation>
    </message>
    <message>
        <source>Not enough memory: this model needs about %1 at a context of %2 tokens, but only %3 is available. Close other programs, or choose a shorter context or a smaller model.</source>
        <translation>メモリが足りません：このモデルはコンテキスト %2 トークンで約 %1 必要ですが、利用できるのは %3 だけです。ほかのプログラムを閉じるか、短いコンテキストか小さいモデルを選んでください。</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelListModel</name>
    <message>
        <source>Recent</source>
        <translation>最近使ったモデル</translation>
    </message>
    <message>
        <source>The file is missing: it was moved or deleted.</source>
        <translation>ファイルが見つかりません：移動または削除されました。</translation>
    </message>
    <message numerus="yes">
        <source>%n parts</source>
        <translation>
            <numerusform>%n 分割</numerusform>
        </translation>
    </message>
    <message>
        <source>Conclave models folder</source>
        <translation>Conclave のモデルフォルダー</translation>
    </message>
    <message>
        <source>Hugging Face cache</source>
        <translation>Hugging Face キャッシュ</translation>
    </message>
    <message>
        <source>LM Studio</source>
        <translation>LM Studio</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Your folders</source>
        <translation>追加したフォルダー</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>お気に入り</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelPicker</name>
    <message>
        <source>Could not save the favourite. The database refused the change.</source>
        <translation>お気に入りを保存できませんでした。データベースが変更を拒否しました。</translation>
    </message>
    <message>
        <source>Could not remove the model from the list. The database refused the change.</source>
        <translation>モデルを一覧から削除できませんでした。データベースが変更を拒否しました。</translation>
    </message>
    <message>
        <source>“%1” is not a GGUF model file; %2 still points at its old place.</source>
        <translation>「%1」は GGUF モデルファイルではありません。%2 は元の場所を指したままです。</translation>
    </message>
    <message>
        <source>Could not save the new place of %1. The database refused the change.</source>
        <translation>%1 の新しい場所を保存できませんでした。データベースが変更を拒否しました。</translation>
    </message>
</context>
<context>
    <name>conclave::ui::TextAttachment</name>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation>添付できるのはこのコンピューター上のファイルだけです。</translation>
    </message>
    <message>
        <source>Only files on this computer can be opened.</source>
        <translation>開けるのはこのコンピューター上のファイルだけです。</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>「%1」はファイルではありません。</translation>
    </message>
    <message>
        <source>“%1” is too large to attach (%2 KiB; the limit is %3 KiB).</source>
        <translation>「%1」は大きすぎて添付できません（%2 KiB、上限は %3 KiB）。</translation>
    </message>
    <message>
        <source>“%1” is too large to open (%2 KiB; the limit is %3 KiB).</source>
        <translation>「%1」は大きすぎて開けません（%2 KiB、上限は %3 KiB）。</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>「%1」を読み込めませんでした：%2</translation>
    </message>
    <message>
        <source>“%1” is too large to attach.</source>
        <translation>「%1」は大きすぎて添付できません。</translation>
    </message>
    <message>
        <source>“%1” is too large to open.</source>
        <translation>「%1」は大きすぎて開けません。</translation>
    </message>
    <message>
        <source>“%1” is not a text file (only UTF-8 text can be attached).</source>
        <translation>「%1」はテキストファイルではありません（添付できるのは UTF-8 テキストだけです）。</translation>
    </message>
    <message>
        <source>“%1” is not a text file (only UTF-8 text can be opened).</source>
        <translation>「%1」はテキストファイルではありません（開けるのは UTF-8 テキストだけです）。</translation>
    </message>
</context>
</TS>
