<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BranchSwitcher</name>
    <message>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Ask %1 anything.</source>
        <translation>向 %1 提出任何问题。</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ 跳到最新</translation>
    </message>
    <message>
        <source>Editing a message — sending makes a new branch with a new answer</source>
        <translation>正在编辑消息——发送后会创建一个带有新回答的新分支</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChatStorage</name>
    <message>
        <source>The database was written by a newer Conclave and was left untouched. Update Conclave to see your conversations; until then new chats are not saved.</source>
        <translation>数据库由更新版本的 Conclave 写入，未作任何改动。请更新 Conclave 以查看你的对话；在此之前，新对话不会被保存。</translation>
    </message>
    <message>
        <source>Make the data folder writable and restart Conclave; until then new chats are not saved.</source>
        <translation>请让数据文件夹可写并重启 Conclave；在此之前，新对话不会被保存。</translation>
    </message>
    <message>
        <source>Restart Conclave to try again; until then new chats are not saved.</source>
        <translation>请重启 Conclave 再试；在此之前，新对话不会被保存。</translation>
    </message>
    <message>
        <source>The conversation database was damaged</source>
        <translation>对话数据库已损坏</translation>
    </message>
    <message>
        <source>It was moved to %1. Recovered: %2, %3.</source>
        <translation>它已被移至 %1。已恢复：%2，%3。</translation>
    </message>
    <message numerus="yes">
        <source>%n conversations</source>
        <translation>
            <numerusform>%n 个对话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the recovered conversations; the damaged file is kept for a closer look.</source>
        <translation>请检查恢复的对话；损坏的文件已保留，以便进一步查看。</translation>
    </message>
    <message>
        <source>Conversations cannot be saved</source>
        <translation>无法保存对话</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Open in code panel</source>
        <translation>在代码面板中打开</translation>
    </message>
    <message>
        <source>Open the code in the code panel</source>
        <translation>在代码面板中打开这段代码</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <source>Paste code here, or open a file (Ctrl+O) or drop one.</source>
        <translation>在此粘贴代码，或打开文件（Ctrl+O），或将文件拖放到这里。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Open a source file</source>
        <translation>打开源文件</translation>
    </message>
    <message>
        <source>Save the code</source>
        <translation>保存代码</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Start with an empty code panel</source>
        <translation>从空白的代码面板开始</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open a file in the code panel</source>
        <translation>在代码面板中打开文件</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the code to its file</source>
        <translation>将代码保存到其文件</translation>
    </message>
    <message>
        <source>Discuss in chat</source>
        <translation>在对话中讨论</translation>
    </message>
    <message>
        <source>Discuss the code in a new chat</source>
        <translation>在新对话中讨论这段代码</translation>
    </message>
    <message>
        <source>Close the code panel</source>
        <translation>关闭代码面板</translation>
    </message>
    <message>
        <source>“%1” changed on disk since it was opened. Overwrite it?</source>
        <translation>“%1”在打开后已在磁盘上被修改。要覆盖它吗？</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The selection: %1 of %2 tokens of context</source>
        <translation>所选内容：%1 / %2 个上下文 token</translation>
    </message>
    <message>
        <source>The code: %1 of %2 tokens of context</source>
        <translation>代码：%1 / %2 个上下文 token</translation>
    </message>
    <message>
        <source>too large: select less</source>
        <translation>过大：请少选一些</translation>
    </message>
    <message>
        <source>too large for the model: select a part, and tasks use the selection</source>
        <translation>对模型来说过大：请选择一部分，任务将使用所选内容</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审查</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Write tests</source>
        <translation>编写测试</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>添加文档</translation>
    </message>
    <message>
        <source>Convert to</source>
        <translation>转换为</translation>
    </message>
    <message>
        <source>Convert to another language</source>
        <translation>转换为另一种语言</translation>
    </message>
    <message>
        <source>Language to convert to</source>
        <translation>目标语言</translation>
    </message>
    <message>
        <source>An instruction, or the problem for Fix</source>
        <translation>一条指令，或要修复的问题</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Ask the model to follow the instruction</source>
        <translation>让模型执行这条指令</translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 token/秒</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>更改 %1</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Apply the change to the code</source>
        <translation>将更改应用到代码</translation>
    </message>
    <message>
        <source>Copy as unified diff</source>
        <translation>复制为统一 diff</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Show the change side by side</source>
        <translation>并排显示更改</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>最近的会话</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>已删除“%1”</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Open a model to start chatting</source>
        <translation>打开一个模型即可开始对话</translation>
    </message>
    <message>
        <source>Message the model — Ctrl+Enter to send, Enter for a new line</source>
        <translation>给模型发消息——Ctrl+Enter 发送，Enter 换行</translation>
    </message>
    <message>
        <source>Message the model — Enter to send, Shift+Enter for a new line</source>
        <translation>给模型发消息——Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>停止（Esc）</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>发送（Enter）</translation>
    </message>
    <message>
        <source>This message does not fit in the context (%1 tokens). Start a new chat, or shorten the message.</source>
        <translation>这条消息超出了上下文（%1 个 token）。请开始新对话，或缩短消息。</translation>
    </message>
    <message>
        <source>The context is nearly full: the answer will stop when it reaches %1 tokens. A new chat starts empty.</source>
        <translation>上下文即将用满：回答将在达到 %1 个 token 时停止。新对话会从空白开始。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 token</translation>
    </message>
    <message>
        <source>Context used: %1 of %2 tokens</source>
        <translation>已用上下文：%1 / %2 个 token</translation>
    </message>
</context>
<context>
    <name>ConversationSettingsPopup</name>
    <message>
        <source>Own value for %1</source>
        <translation>为%1使用自己的值</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>对话设置</translation>
    </message>
    <message>
        <source>Close conversation settings</source>
        <translation>关闭对话设置</translation>
    </message>
    <message>
        <source>For “%1” only. A value not ticked follows the model&apos;s settings.</source>
        <translation>仅用于“%1”。未勾选的值沿用模型的设置。</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>No system prompt</source>
        <translation>无系统提示词</translation>
    </message>
    <message>
        <source>Conversation system prompt</source>
        <translation>对话的系统提示词</translation>
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
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Seed (−1: random)</source>
        <translation>随机种子（−1：随机）</translation>
    </message>
    <message>
        <source>Changes apply to the next answer.</source>
        <translation>更改从下一个回答起生效。</translation>
    </message>
    <message>
        <source>Use model defaults</source>
        <translation>使用模型默认值</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>每个回答的最大 token 数</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>推理强度</translation>
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
        <translation>本次会话中对话仅保存在内存中（无法打开数据库），因此无法导出或导入。</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Hide details</source>
        <translation>隐藏详情</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
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
        <translation>打开 GGUF 模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Drop to open the file in the code panel</source>
        <translation>松开以在代码面板中打开文件</translation>
    </message>
    <message>
        <source>Drop to attach the file to your message</source>
        <translation>松开以将文件附加到消息</translation>
    </message>
    <message>
        <source>Drop to open the model</source>
        <translation>松开以打开模型</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>编辑消息</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Thought process</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>复制回答</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Regenerate the answer</source>
        <translation>重新生成回答</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Loading %1</source>
        <translation>正在加载 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1
Click to choose another model</source>
        <translation>%1
点击以选择其他模型</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
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
        <translation>在 GPU 上运行</translation>
    </message>
    <message>
        <source>Runs on the CPU</source>
        <translation>在 CPU 上运行</translation>
    </message>
    <message>
        <source>%1 ctx</source>
        <translation>%1 上下文</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+Shift+S): this conversation has its own</source>
        <translation>对话设置（Ctrl+Shift+S）：此对话有自己的设置</translation>
    </message>
    <message>
        <source>Conversation settings (Ctrl+Shift+S)</source>
        <translation>对话设置（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>对话设置</translation>
    </message>
</context>
<context>
    <name>ModelCardView</name>
    <message>
        <source>Reading the model file</source>
        <translation>正在读取模型文件</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Trained context</source>
        <translation>训练上下文长度</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个 token</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>所需内存</translation>
    </message>
    <message>
        <source>about %1 at %2 tokens of context</source>
        <translation>上下文为 %2 个 token 时约 %1</translation>
    </message>
    <message>
        <source>Memory available</source>
        <translation>可用内存</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Back to the model list</source>
        <translation>返回模型列表</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>加载 %1</translation>
    </message>
</context>
<context>
    <name>ModelPickerPopup</name>
    <message>
        <source>Add a folder to search for models</source>
        <translation>添加一个用于查找模型的文件夹</translation>
    </message>
    <message>
        <source>Filter models</source>
        <translation>筛选模型</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Looking for models…</source>
        <translation>正在查找模型…</translation>
    </message>
    <message>
        <source>No model matches</source>
        <translation>没有匹配的模型</translation>
    </message>
    <message>
        <source>No GGUF models found. Open a file, or add the folder that holds your models.</source>
        <translation>未找到 GGUF 模型。请打开一个文件，或添加存放模型的文件夹。</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>打开 GGUF 文件…</translation>
    </message>
    <message>
        <source>Open a GGUF file</source>
        <translation>打开一个 GGUF 文件</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>%1 ✕</source>
        <translation>%1 ✕</translation>
    </message>
    <message>
        <source>Stop searching %1</source>
        <translation>不再搜索 %1</translation>
    </message>
    <message>
        <source>Remove the folder %1</source>
        <translation>移除文件夹 %1</translation>
    </message>
    <message>
        <source>Looking for models</source>
        <translation>正在查找模型</translation>
    </message>
    <message>
        <source>Locate the model file</source>
        <translation>找到模型文件</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>从收藏中移除</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>加入收藏</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>重新定位…</translation>
    </message>
    <message>
        <source>Remove from recent</source>
        <translation>从最近使用中移除</translation>
    </message>
</context>
<context>
    <name>ModelRow</name>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (favourite), %2</source>
        <translation>%1（收藏），%2</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>从收藏中移除</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>加入收藏</translation>
    </message>
    <message>
        <source>Remove %1 from favourites</source>
        <translation>将 %1 从收藏中移除</translation>
    </message>
    <message>
        <source>Add %1 to favourites</source>
        <translation>将 %1 加入收藏</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>%1 的操作</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search all conversations</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Type to search messages and titles</source>
        <translation>输入以搜索消息和标题</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>SessionsPopup</name>
    <message>
        <source>Delete the session</source>
        <translation>删除会话</translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>还没有会话</translation>
    </message>
</context>
<context>
    <name>SettingsDrawer</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>关闭设置</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>模型设置</translation>
    </message>
    <message>
        <source>For %1; saved for this model and restored when it is opened again.</source>
        <translation>适用于 %1；为此模型保存，再次打开时恢复。</translation>
    </message>
    <message>
        <source>Open a model to change its settings.</source>
        <translation>打开一个模型以更改其设置。</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>e.g. You are a concise assistant.</source>
        <translation>例如：你是一个简洁的助手。</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>推理强度</translation>
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
        <translation>此模型的对话模板允许你选择它的推理方式。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Higher is more varied; 0 always picks the most likely word.</source>
        <translation>越高越多样；为 0 时总是选择可能性最大的词。</translation>
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
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>每个回答的最大 token 数</translation>
    </message>
    <message>
        <source>Seed (−1: random)</source>
        <translation>随机种子（−1：随机）</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>Threads (0: all cores)</source>
        <translation>线程数（0：全部核心）</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Run on the CPU</source>
        <translation>在 CPU 上运行</translation>
    </message>
    <message>
        <source>GPU (Vulkan)</source>
        <translation>GPU（Vulkan）</translation>
    </message>
    <message>
        <source>Run on the GPU (Vulkan)</source>
        <translation>在 GPU 上运行（Vulkan）</translation>
    </message>
    <message>
        <source>No GPU can be used: %1</source>
        <translation>没有可用的 GPU：%1</translation>
    </message>
    <message>
        <source>GPU (for all models)</source>
        <translation>GPU（所有模型）</translation>
    </message>
    <message>
        <source>Automatic (best GPU)</source>
        <translation>自动（最佳 GPU）</translation>
    </message>
    <message>
        <source>GPU for all models</source>
        <translation>所有模型使用的 GPU</translation>
    </message>
    <message>
        <source>GPU memory budget (MiB, 0: automatic)</source>
        <translation>GPU 显存预算（MiB，0：自动）</translation>
    </message>
    <message>
        <source>Weights that do not fit the budget run on the CPU; automatic uses the GPU&apos;s free memory less a margin.</source>
        <translation>超出预算的权重在 CPU 上运行；自动模式使用 GPU 的空闲显存减去一定余量。</translation>
    </message>
    <message>
        <source>Context length, threads, where the model runs, the GPU and the GPU memory budget apply when the model is next opened.</source>
        <translation>上下文长度、线程数、运行位置、GPU 和 GPU 显存预算将在下次打开模型时生效。</translation>
    </message>
    <message>
        <source>Reopen the model now</source>
        <translation>立即重新打开模型</translation>
    </message>
    <message>
        <source>Where the model runs</source>
        <translation>模型运行位置</translation>
    </message>
    <message>
        <source>Everything runs on the CPU.</source>
        <translation>全部在 CPU 上运行。</translation>
    </message>
    <message>
        <source>Reset to model defaults</source>
        <translation>恢复模型默认值</translation>
    </message>
    <message>
        <source>App settings</source>
        <translation>应用设置</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Send with</source>
        <translation>发送键</translation>
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
        <translation>Enter 换行。</translation>
    </message>
    <message>
        <source>Shift+Enter starts a new line.</source>
        <translation>Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <source>None chosen: Conclave opens SmolLM2 from its models folder when it is there, else it starts without a model.</source>
        <translation>未选择：如果模型文件夹中有 SmolLM2，Conclave 会打开它，否则启动时不加载模型。</translation>
    </message>
    <message>
        <source>%1, opened when Conclave starts.</source>
        <translation>%1，Conclave 启动时打开。</translation>
    </message>
    <message>
        <source>Use the open model</source>
        <translation>使用当前模型</translation>
    </message>
    <message>
        <source>Use the open model as the default model</source>
        <translation>将当前打开的模型设为默认模型</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear the default model</source>
        <translation>清除默认模型</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Conversations and settings are kept here, in conclave.db.</source>
        <translation>对话和设置保存在这里的 conclave.db 中。</translation>
    </message>
    <message>
        <source>This conversation has its own settings (⚙ beside its title, Ctrl+Shift+S); they win over the model&apos;s.</source>
        <translation>此对话有自己的设置（标题旁的 ⚙，Ctrl+Shift+S）；它们优先于模型的设置。</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <source>Rename the conversation in focus</source>
        <translation>重命名当前选中的对话</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>换行</translation>
    </message>
    <message>
        <source>Edit the last message (empty composer)</source>
        <translation>编辑上一条消息（输入框为空时）</translation>
    </message>
    <message>
        <source>Stop the answer, cancel loading or editing</source>
        <translation>停止回答，取消加载或编辑</translation>
    </message>
    <message>
        <source>Code panel</source>
        <translation>代码面板</translation>
    </message>
    <message>
        <source>Show or hide the code panel</source>
        <translation>显示或隐藏代码面板</translation>
    </message>
    <message>
        <source>Open a file (in the code panel)</source>
        <translation>打开文件（在代码面板中）</translation>
    </message>
    <message>
        <source>Save the code to its file (in the code panel)</source>
        <translation>将代码保存到其文件（在代码面板中）</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>打开模型文件</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Show these shortcuts</source>
        <translation>显示这些快捷键</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
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
        <translation>归档或取消归档对话</translation>
    </message>
    <message>
        <source>This conversation&apos;s own settings</source>
        <translation>此对话自己的设置</translation>
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
        <translation>搜索</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>新对话（Ctrl+N）</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <translation>对话标题</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>对话操作</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Your conversations will appear here.</source>
        <translation>你的对话将显示在这里。</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>已删除“%1”</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Export the conversation as Markdown</source>
        <translation>将对话导出为 Markdown</translation>
    </message>
    <message>
        <source>Export the conversation as JSON</source>
        <translation>将对话导出为 JSON</translation>
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
        <translation>将所有对话导出为 JSON</translation>
    </message>
    <message>
        <source>Conclave conversations</source>
        <translation>Conclave 对话</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <source>Conclave export (*.json)</source>
        <translation>Conclave 导出文件 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <source>Hide archived (%1)</source>
        <translation>隐藏已归档（%1）</translation>
    </message>
    <message>
        <source>Show archived (%1)</source>
        <translation>显示已归档（%1）</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>导入和导出</translation>
    </message>
    <message>
        <source>Import conversations…</source>
        <translation>导入对话…</translation>
    </message>
    <message>
        <source>Export all conversations…</source>
        <translation>导出所有对话…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Conclave</source>
        <translation>欢迎使用 Conclave</translation>
    </message>
    <message>
        <source>Chat with language models that run entirely on this computer. Nothing you type leaves it.</source>
        <translation>与完全在这台电脑上运行的语言模型对话。你输入的任何内容都不会离开这台电脑。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Open a GGUF model…</source>
        <translation>打开 GGUF 模型…</translation>
    </message>
    <message>
        <source>or drop a .gguf file onto this window · Ctrl+O</source>
        <translation>或将 .gguf 文件拖放到此窗口 · Ctrl+O</translation>
    </message>
    <message>
        <source>Models are GGUF files. Conclave looks for them in:
%1
scripts/fetch-default-model puts SmolLM2-135M-Instruct there.</source>
        <translation>模型是 GGUF 文件。Conclave 会在以下位置查找：
%1
scripts/fetch-default-model 会将 SmolLM2-135M-Instruct 放在那里。</translation>
    </message>
</context>
<context>
    <name>conclave::app::Composition</name>
    <message>
        <source>Could not save the settings</source>
        <translation>无法保存设置</translation>
    </message>
</context>
<context>
    <name>conclave::app::EngineWorker</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>加载已取消。</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model file first.</source>
        <translation>尚未加载模型。请先打开一个 GGUF 模型文件。</translation>
    </message>
    <message>
        <source>The conversation (%1 tokens) no longer fits in the context of %2 tokens. Start a new chat, or raise the context length in the settings.</source>
        <translation>对话（%1 个 token）已超出 %2 个 token 的上下文。请开始新对话，或在设置中增加上下文长度。</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
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
        <translation>系统语言</translation>
    </message>
    <message>
        <source>discrete GPU</source>
        <translation>独立显卡</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>集成显卡</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>虚拟 GPU</translation>
    </message>
    <message>
        <source>software renderer on the CPU</source>
        <translation>CPU 上的软件渲染器</translation>
    </message>
    <message>
        <source>other device</source>
        <translation>其他设备</translation>
    </message>
    <message>
        <source>%1 — %2, %3 GiB</source>
        <translation>%1 — %2，%3 GiB</translation>
    </message>
    <message>
        <source>%1, the GPU chosen before, was not found when Conclave started (the GPUs or their driver changed), so the best GPU is used. Choose a GPU to replace the old choice.</source>
        <translation>Conclave 启动时未找到之前选择的 GPU %1（GPU 或其驱动已更改），因此改用最佳 GPU。请选择一个 GPU 以替换原来的选择。</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Check that the file exists and that you can read it.</source>
        <translation>请检查文件是否存在，以及你是否有权读取它。</translation>
    </message>
    <message>
        <source>The file is not a GGUF model, or it is damaged or incomplete. Download it again.</source>
        <translation>该文件不是 GGUF 模型，或已损坏或不完整。请重新下载。</translation>
    </message>
    <message>
        <source>Conclave cannot run this model yet. Try another model file.</source>
        <translation>Conclave 目前还无法运行此模型。请尝试其他模型文件。</translation>
    </message>
    <message>
        <source>Close other programs, or choose a smaller model or a shorter context.</source>
        <translation>请关闭其他程序，或选择更小的模型或更短的上下文。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed. Try another model file.</source>
        <translation>模型的对话模板出错。请尝试其他模型文件。</translation>
    </message>
    <message>
        <source>The GPU or its driver failed. Try again, or use the CPU.</source>
        <translation>GPU 或其驱动出错。请重试，或改用 CPU。</translation>
    </message>
    <message>
        <source>Free some disk space. The conversation stays open and is saved as soon as there is room.</source>
        <translation>请释放一些磁盘空间。对话保持打开，一旦有空间就会保存。</translation>
    </message>
    <message>
        <source>Make the data folder writable. The conversation stays open and is saved once it can be.</source>
        <translation>请让数据文件夹可写。对话保持打开，一旦可以就会保存。</translation>
    </message>
    <message>
        <source>The conversation stays open; Conclave tries to save it again every few seconds.</source>
        <translation>对话保持打开；Conclave 每隔几秒会重新尝试保存。</translation>
    </message>
    <message>
        <source>Could not save the conversation</source>
        <translation>无法保存对话</translation>
    </message>
    <message>
        <source>Storage error: %1</source>
        <translation>存储错误：%1</translation>
    </message>
    <message>
        <source>%1 runs partly on the CPU</source>
        <translation>%1 部分在 CPU 上运行</translation>
    </message>
    <message>
        <source>%1 runs on the CPU</source>
        <translation>%1 在 CPU 上运行</translation>
    </message>
    <message>
        <source>“Run on” and the GPU memory budget are in the model settings; they apply when the model is next opened.</source>
        <translation>“运行于”和 GPU 显存预算位于模型设置中；它们将在下次打开模型时生效。</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>The answer could not be generated</source>
        <translation>无法生成回答</translation>
    </message>
    <message>
        <source>Error code: %1 (%2)</source>
        <translation>错误代码：%1（%2）</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Conversations added: %1, merged: %2; messages added: %3.</source>
        <translation>新增对话：%1，合并对话：%2；新增消息：%3。</translation>
    </message>
</context>
<context>
    <name>conclave::ui::CodePanelController</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>无更改</translation>
    </message>
    <message>
        <source>+%1 −%2 lines</source>
        <translation>+%1 −%2 行</translation>
    </message>
    <message>
        <source>Could not save the panel&apos;s settings: %1</source>
        <translation>无法保存面板设置：%1</translation>
    </message>
    <message>
        <source>Could not save the code panel&apos;s session: %1</source>
        <translation>无法保存代码面板的会话：%1</translation>
    </message>
    <message>
        <source>Choose a file to save to.</source>
        <translation>请选择要保存到的文件。</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>无法保存“%1”：%2</translation>
    </message>
    <message>
        <source>Only files on this computer can be saved.</source>
        <translation>只能保存这台电脑上的文件。</translation>
    </message>
    <message>
        <source>There is no code to work on.</source>
        <translation>没有可处理的代码。</translation>
    </message>
    <message>
        <source>Write an instruction first.</source>
        <translation>请先写一条指令。</translation>
    </message>
    <message>
        <source>Choose another language to convert to.</source>
        <translation>请选择另一种目标语言。</translation>
    </message>
    <message>
        <source>Wait until the current answer is finished.</source>
        <translation>请等待当前回答完成。</translation>
    </message>
    <message>
        <source>Open a model to run tasks.</source>
        <translation>请打开一个模型以运行任务。</translation>
    </message>
    <message>
        <source>Waiting for the model…</source>
        <translation>正在等待模型…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>正在回答…</translation>
    </message>
    <message numerus="yes">
        <source>Stopped · %n tokens · %1 tok/s</source>
        <translation>
            <numerusform>已停止 · %n 个 token · %1 token/秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · %1 tok/s</source>
        <translation>
            <numerusform>%n 个 token · %1 token/秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>The code changed since the task ran; run it again to apply its answer.</source>
        <translation>任务运行后代码已更改；请重新运行任务以应用其回答。</translation>
    </message>
    <message>
        <source>Applied. Undo (Ctrl+Z) in the editor takes it back.</source>
        <translation>已应用。在编辑器中撤销（Ctrl+Z）即可还原。</translation>
    </message>
    <message>
        <source>Could not read the code panel&apos;s session: %1</source>
        <translation>无法读取代码面板的会话：%1</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>已置顶</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <source>Previous 30 days</source>
        <translation>过去 30 天</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>更早</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ConversationTransfer</name>
    <message>
        <source>Could not export the conversation</source>
        <translation>无法导出对话</translation>
    </message>
    <message>
        <source>Storage error: %1</source>
        <translation>存储错误：%1</translation>
    </message>
    <message>
        <source>Could not export the conversations</source>
        <translation>无法导出对话</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Check that the folder exists, that you may write there and that the disk has room. Nothing was changed.</source>
        <translation>请检查文件夹是否存在、你是否有写入权限以及磁盘是否有空间。未做任何更改。</translation>
    </message>
    <message>
        <source>Could not import %1</source>
        <translation>无法导入 %1</translation>
    </message>
    <message>
        <source>The file is larger than any Conclave export.</source>
        <translation>该文件比任何 Conclave 导出文件都大。</translation>
    </message>
    <message>
        <source>Choose a file exported by Conclave (JSON).</source>
        <translation>请选择由 Conclave 导出的文件（JSON）。</translation>
    </message>
    <message>
        <source>Check that the file exists and that you can read it.</source>
        <translation>请检查文件是否存在，以及你是否有权读取它。</translation>
    </message>
    <message>
        <source>Choose a file exported by Conclave (JSON). Nothing was imported.</source>
        <translation>请选择由 Conclave 导出的文件（JSON）。未导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported; your conversations are unchanged.</source>
        <translation>未导入任何内容；你的对话保持不变。</translation>
    </message>
</context>
<context>
    <name>conclave::ui::MessageListModel</name>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>reached the token limit</source>
        <translation>已达 token 上限</translation>
    </message>
    <message>
        <source>stop string</source>
        <translation>停止字符串</translation>
    </message>
    <message>
        <source>context full</source>
        <translation>上下文已满</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 token/秒</translation>
    </message>
    <message>
        <source>%1 s to first token</source>
        <translation>首个 token 用时 %1 秒</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelCard</name>
    <message>
        <source>%1 total, %2 active per token</source>
        <translation>共 %1，每个 token 激活 %2</translation>
    </message>
    <message>
        <source>%1 in %2 parts</source>
        <translation>%1，共 %2 个分片</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>This file cannot be read as a GGUF model: %1</source>
        <translation>无法将此文件作为 GGUF 模型读取：%1</translation>
    </message>
    <message>
        <source>Conclave cannot run this model yet (%1).</source>
        <translation>Conclave 目前还无法运行此模型（%1）。</translation>
    </message>
    <message>
        <source>This model cannot be loaded: %1</source>
        <translation>无法加载此模型：%1</translation>
    </message>
    <message>
        <source>Not enough memory: this model needs about %1 at a context of %2 tokens, but only %3 is available. Close other programs, or choose a shorter context or a smaller model.</source>
        <translation>内存不足：上下文为 %2 个 token 时，此模型约需 %1，但只有 %3 可用。请关闭其他程序，或选择更短的上下文或更小的模型。</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelListModel</name>
    <message>
        <source>Recent</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>The file is missing: it was moved or deleted.</source>
        <translation>文件不存在：它已被移动或删除。</translation>
    </message>
    <message numerus="yes">
        <source>%n parts</source>
        <translation>
            <numerusform>%n 个分片</numerusform>
        </translation>
    </message>
    <message>
        <source>Conclave models folder</source>
        <translation>Conclave 模型文件夹</translation>
    </message>
    <message>
        <source>Hugging Face cache</source>
        <translation>Hugging Face 缓存</translation>
    </message>
    <message>
        <source>LM Studio</source>
        <translation>LM Studio</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Your folders</source>
        <translation>你的文件夹</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>收藏</translation>
    </message>
</context>
<context>
    <name>conclave::ui::ModelPicker</name>
    <message>
        <source>Could not save the favourite. The database refused the change.</source>
        <translation>无法保存收藏。数据库拒绝了更改。</translation>
    </message>
    <message>
        <source>Could not remove the model from the list. The database refused the change.</source>
        <translation>无法从列表中移除该模型。数据库拒绝了更改。</translation>
    </message>
    <message>
        <source>“%1” is not a GGUF model file; %2 still points at its old place.</source>
        <translation>“%1”不是 GGUF 模型文件；%2 仍指向原来的位置。</translation>
    </message>
    <message>
        <source>Could not save the new place of %1. The database refused the change.</source>
        <translation>无法保存 %1 的新位置。数据库拒绝了更改。</translation>
    </message>
</context>
<context>
    <name>conclave::ui::TextAttachment</name>
    <message>
        <source>Only files on this computer can be attached.</source>
        <translation>只能附加这台电脑上的文件。</translation>
    </message>
    <message>
        <source>Only files on this computer can be opened.</source>
        <translation>只能打开这台电脑上的文件。</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>“%1”不是文件。</translation>
    </message>
    <message>
        <source>“%1” is too large to attach (%2 KiB; the limit is %3 KiB).</source>
        <translation>“%1”太大，无法附加（%2 KiB；上限为 %3 KiB）。</translation>
    </message>
    <message>
        <source>“%1” is too large to open (%2 KiB; the limit is %3 KiB).</source>
        <translation>“%1”太大，无法打开（%2 KiB；上限为 %3 KiB）。</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” is too large to attach.</source>
        <translation>“%1”太大，无法附加。</translation>
    </message>
    <message>
        <source>“%1” is too large to open.</source>
        <translation>“%1”太大，无法打开。</translation>
    </message>
    <message>
        <source>“%1” is not a text file (only UTF-8 text can be attached).</source>
        <translation>“%1”不是文本文件（只能附加 UTF-8 文本）。</translation>
    </message>
    <message>
        <source>“%1” is not a text file (only UTF-8 text can be opened).</source>
        <translation>“%1”不是文本文件（只能打开 UTF-8 文本）。</translation>
    </message>
</context>
</TS>
