<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchDialog</name>
    <message>
        <source>Batch onboarding</source>
        <translation>批量接入</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Read a CSV or JSON batch file</source>
        <translation>读取 CSV 或 JSON 批量文件</translation>
    </message>
    <message>
        <source>Open the sand&amp;box&apos;s sample</source>
        <translation>打开沙箱示例文件(&amp;B)</translation>
    </message>
    <message>
        <source>Read the training file that comes with the built-in sandbox</source>
        <translation>读取内置沙箱附带的培训文件</translation>
    </message>
    <message>
        <source>&amp;Write sample file…</source>
        <translation>写入示例文件(&amp;W)…</translation>
    </message>
    <message>
        <source>Save a sample CSV file with every column, to fill in</source>
        <translation>保存包含所有列的 CSV 示例文件，以便填写</translation>
    </message>
    <message>
        <source>Problems with the file</source>
        <translation>文件中的问题</translation>
    </message>
    <message>
        <source>Connections of the batch file</source>
        <translation>批量文件中的连接</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>批量进度</translation>
    </message>
    <message>
        <source>Batch status</source>
        <translation>批量状态</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>规划(&amp;P)</translation>
    </message>
    <message>
        <source>Check every row against DAS: what would be created, skipped or refused</source>
        <translation>逐行向 DAS 核对：哪些将被创建、跳过或拒绝</translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>执行(&amp;A)…</translation>
    </message>
    <message>
        <source>Plan again, ask for the passwords, then create the connections</source>
        <translation>重新规划并询问密码，然后创建连接</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Start no more rows; the rows already sent finish</source>
        <translation>不再开始新的行；已发送的行会继续完成</translation>
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation>保存报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Save what the last run did, row by row, as CSV or JSON</source>
        <translation>将上次执行的逐行结果保存为 CSV 或 JSON</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
</context>
<context>
    <name>BatchPasswordDialog</name>
    <message>
        <source>Database passwords</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>&amp;Create connections</source>
        <translation>创建连接(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>Connection target</source>
        <translation>连接目标</translation>
    </message>
    <message>
        <source>&amp;Target *</source>
        <translation>目标(&amp;T) *</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Where the request is sent: the built-in sandbox, a Huawei Cloud region or a custom endpoint</source>
        <translation>请求的发送目标：内置沙箱、华为云区域或自定义终端节点</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>终端节点 URL</translation>
    </message>
    <message>
        <source>https://das.example.com</source>
        <translation>https://das.example.com</translation>
    </message>
    <message>
        <source>Custom endpoint, https only except for loopback hosts</source>
        <translation>自定义终端节点，除环回地址外仅支持 https</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>&amp;Project ID *</source>
        <translation>项目ID(&amp;P) *</translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <source>32 letters or digits</source>
        <translation>32 位字母或数字</translation>
    </message>
    <message>
        <source>&amp;Instance ID *</source>
        <translation>实例ID(&amp;I) *</translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation>实例ID</translation>
    </message>
    <message>
        <source>32 letters or digits, optionally followed by in01</source>
        <translation>32 位字母或数字，可带后缀 in01</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>En&amp;gine type *</source>
        <translation>引擎类型(&amp;G) *</translation>
    </message>
    <message>
        <source>Engine type</source>
        <translation>引擎类型</translation>
    </message>
    <message>
        <source>Net&amp;work type *</source>
        <translation>网络类型(&amp;W) *</translation>
    </message>
    <message>
        <source>Network type</source>
        <translation>网络类型</translation>
    </message>
    <message>
        <source>&amp;Username *</source>
        <translation>用户名(&amp;U) *</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>database user, e.g. root</source>
        <translation>数据库用户，例如 root</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>&amp;Node IDs</source>
        <translation>节点ID(&amp;N)</translation>
    </message>
    <message>
        <source>Node IDs</source>
        <translation>节点ID</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>default port (1-65535)</source>
        <translation>默认端口（1-65535）</translation>
    </message>
    <message>
        <source>&amp;Database name</source>
        <translation>数据库名称(&amp;D)</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>数据库名称</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>optional, several lines allowed</source>
        <translation>可选，可输入多行</translation>
    </message>
    <message>
        <source>Record executed S&amp;QL (sql_record_flag)</source>
        <translation>记录执行的 SQL(&amp;Q)（sql_record_flag）</translation>
    </message>
    <message>
        <source>Record SQL</source>
        <translation>记录SQL</translation>
    </message>
    <message>
        <source>Form status</source>
        <translation>表单状态</translation>
    </message>
    <message>
        <source>Request in progress</source>
        <translation>请求进行中</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the running request (Esc)</source>
        <translation>取消正在进行的请求（Esc）</translation>
    </message>
    <message>
        <source>Show the exact request with secrets masked</source>
        <translation>显示将要发送的完整请求，敏感信息已隐藏</translation>
    </message>
    <message>
        <source>&amp;Create connection</source>
        <translation>创建连接(&amp;C)</translation>
    </message>
    <message>
        <source>Send the create-connection request</source>
        <translation>发送创建连接请求</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置项</translation>
    </message>
    <message>
        <source>Saved credentials to sign with; their secrets stay in the OS keychain</source>
        <translation>用于签名的已保存凭证，其机密信息保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Add, edit, test, import or delete profiles</source>
        <translation>添加、编辑、测试、导入或删除配置项</translation>
    </message>
    <message>
        <source>Saved password</source>
        <translation>已保存的密码</translation>
    </message>
    <message>
        <source>Fill the password from the OS keychain</source>
        <translation>从系统钥匙串填入密码</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove the saved password from the OS keychain</source>
        <translation>从系统钥匙串中删除已保存的密码</translation>
    </message>
    <message>
        <source>Loo&amp;k up</source>
        <translation>查找(&amp;K)</translation>
    </message>
    <message>
        <source>Fill the project ID from IAM for the chosen region</source>
        <translation>通过 IAM 为所选区域填入项目 ID</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Pick the instance from the list DAS has (F4)</source>
        <translation>从 DAS 的实例列表中选择（F4）</translation>
    </message>
    <message>
        <source>P&amp;rofile</source>
        <translation>配置项(&amp;R)</translation>
    </message>
    <message>
        <source>Manage…</source>
        <translation>管理…</translation>
    </message>
    <message>
        <source>Endpoint UR&amp;L</source>
        <translation>终端节点 URL(&amp;L)</translation>
    </message>
    <message>
        <source>P&amp;assword *</source>
        <translation>密码(&amp;A) *</translation>
    </message>
    <message>
        <source>Use saved password</source>
        <translation>使用已保存的密码</translation>
    </message>
    <message>
        <source>Let DAS keep the password (is_save_password)</source>
        <translation>由 DAS 保存密码（is_save_password）</translation>
    </message>
    <message>
        <source>Let DAS keep the password</source>
        <translation>由 DAS 保存密码</translation>
    </message>
    <message>
        <source>Sent to DAS as is_save_password: DAS stores the password with the connection, so logging in through DAS does not ask for it.</source>
        <translation>以 is_save_password 发送给 DAS：DAS 会随连接一起保存密码，因此通过 DAS 登录时无需再输入密码。</translation>
    </message>
    <message>
        <source>Remember in this computer&apos;s keychain</source>
        <translation>保存到本机钥匙串</translation>
    </message>
    <message>
        <source>Remember the password in this computer&apos;s keychain</source>
        <translation>将密码保存到本机钥匙串</translation>
    </message>
    <message>
        <source>After a successful create, the password is saved in the OS keychain of this computer and offered the next time; it is not sent to DAS.</source>
        <translation>创建成功后，密码将保存在本机的系统钥匙串中，并在下次使用时提供；密码不会发送给 DAS。</translation>
    </message>
    <message>
        <source>Why the keychain cannot be used</source>
        <translation>无法使用钥匙串的原因</translation>
    </message>
    <message>
        <source>Re&amp;marks</source>
        <translation>备注(&amp;M)</translation>
    </message>
    <message>
        <source>Preview request…</source>
        <translation>预览请求…</translation>
    </message>
</context>
<context>
    <name>ConnectionsPane</name>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Filter connections on DAS</source>
        <translation>筛选 DAS 上的连接</translation>
    </message>
    <message>
        <source>A keyword DAS matches against the address, instance name and remarks; Enter applies it</source>
        <translation>DAS 用于匹配地址、实例名称和备注的关键字；按 Enter 应用</translation>
    </message>
    <message>
        <source>Address, instance name or remarks</source>
        <translation>地址、实例名称或备注</translation>
    </message>
    <message>
        <source>Instance ID:</source>
        <translation>实例ID：</translation>
    </message>
    <message>
        <source>Instance ID filter</source>
        <translation>实例ID筛选</translation>
    </message>
    <message>
        <source>Any instance</source>
        <translation>任意实例</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List the connections on DAS again (F5)</source>
        <translation>重新列出 DAS 上的连接（F5）</translation>
    </message>
    <message>
        <source>Connections on DAS</source>
        <translation>DAS 上的连接</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>The previous page of connections</source>
        <translation>连接列表的上一页</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>The next page of connections</source>
        <translation>连接列表的下一页</translation>
    </message>
    <message>
        <source>Loading connections</source>
        <translation>正在加载连接</translation>
    </message>
    <message>
        <source>On DAS status</source>
        <translation>“DAS 上的连接”状态</translation>
    </message>
    <message>
        <source>Adopt into history</source>
        <translation>纳入历史记录</translation>
    </message>
    <message>
        <source>Add the selected connections to the local history</source>
        <translation>将所选连接添加到本地历史记录</translation>
    </message>
    <message>
        <source>Delete on DAS…</source>
        <translation>在 DAS 上删除…</translation>
    </message>
    <message>
        <source>Delete the selected connections on DAS, after asking (Delete)</source>
        <translation>确认后在 DAS 上删除所选连接（Delete）</translation>
    </message>
    <message>
        <source>Tear down…</source>
        <translation>清理…</translation>
    </message>
    <message>
        <source>Delete on DAS what this history created since a time, for demos and training classes</source>
        <translation>在 DAS 上删除此历史记录自某一时间起创建的连接，用于演示和培训课程</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
</context>
<context>
    <name>CredentialImporter</name>
    <message>
        <source>%1 contains control characters; the file looks damaged.</source>
        <translation>%1 包含控制字符，文件可能已损坏。</translation>
    </message>
    <message>
        <source>%1 is longer than %2 bytes.</source>
        <translation>%1 超过 %2 字节。</translation>
    </message>
    <message>
        <source>Nothing to import: %1 not set.</source>
        <translation>没有可导入的内容：未设置 %1。</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is not a text file; expected an INI file with a [basic] section.</source>
        <translation>%1 不是文本文件；应为包含 [basic] 节的 INI 文件。</translation>
    </message>
    <message>
        <source>%1, line %2: a section header must look like [basic].</source>
        <translation>%1 第 %2 行：节标题的格式应为 [basic]。</translation>
    </message>
    <message>
        <source>%1, line %2: [basic] appears twice.</source>
        <translation>%1 第 %2 行：[basic] 重复出现。</translation>
    </message>
    <message>
        <source>%1, line %2: expected &quot;key = value&quot; or a [section] header.</source>
        <translation>%1 第 %2 行：应为“key = value”或 [section] 节标题。</translation>
    </message>
    <message>
        <source>%1, line %2: &quot;%3&quot; is outside any section; it belongs under [basic].</source>
        <translation>%1 第 %2 行：“%3”不在任何节中，应放在 [basic] 下。</translation>
    </message>
    <message>
        <source>%1, line %2: %3 appears twice in [basic].</source>
        <translation>%1 第 %2 行：%3 在 [basic] 中重复出现。</translation>
    </message>
    <message>
        <source>%1 has no [basic] section; the SDK credentials file keeps ak and sk there.</source>
        <translation>%1 中没有 [basic] 节；SDK 凭证文件的 ak 和 sk 应位于该节中。</translation>
    </message>
    <message>
        <source>%1: [basic] has no %2.</source>
        <translation>%1：[basic] 中缺少 %2。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2 at byte %3).</source>
        <translation>%1 不是有效的 JSON（第 %3 字节处：%2）。</translation>
    </message>
    <message>
        <source>%1: expected a JSON object with a &quot;profiles&quot; list.</source>
        <translation>%1：应为包含“profiles”列表的 JSON 对象。</translation>
    </message>
    <message>
        <source>%1: &quot;profiles&quot; must be a list of profiles.</source>
        <translation>%1：“profiles”必须是配置项列表。</translation>
    </message>
    <message>
        <source>%1 has no profiles to import.</source>
        <translation>%1 中没有可导入的配置项。</translation>
    </message>
    <message>
        <source>%1: profile %2 is not a JSON object.</source>
        <translation>%1：第 %2 个配置项不是 JSON 对象。</translation>
    </message>
    <message>
        <source>%1: profile %2 has no name.</source>
        <translation>%1：第 %2 个配置项没有名称。</translation>
    </message>
    <message>
        <source>%1: profile &quot;%2&quot;: %3</source>
        <translation>%1：配置项“%2”：%3</translation>
    </message>
    <message>
        <source>%1: profile &quot;%2&quot; appears twice.</source>
        <translation>%1：配置项“%2”重复出现。</translation>
    </message>
    <message>
        <source>%1: profile &quot;%2&quot;: %3 must be text.</source>
        <translation>%1：配置项“%2”：%3 必须为字符串。</translation>
    </message>
    <message>
        <source>%1: profile &quot;%2&quot; uses mode AKSKST but has no securityToken.</source>
        <translation>%1：配置项“%2”使用 AKSKST 模式，但缺少 securityToken。</translation>
    </message>
    <message>
        <source>%1: profile &quot;%2&quot; uses mode &quot;%3&quot;, which cannot be imported (only AKSK and AKSKST profiles carry keys).</source>
        <translation>%1：配置项“%2”使用的模式“%3”无法导入（只有 AKSK 和 AKSKST 模式的配置项包含密钥）。</translation>
    </message>
    <message>
        <source>%1: profile &quot;%2&quot; has no %3.</source>
        <translation>%1：配置项“%2”缺少 %3。</translation>
    </message>
    <message>
        <source>Cannot read the credentials to import: %1</source>
        <translation>无法读取要导入的凭证：%1</translation>
    </message>
    <message>
        <source>%1, line %2: the value of %3 has an unmatched quote.</source>
        <translation>%1 第 %2 行：%3 的值引号不匹配。</translation>
    </message>
</context>
<context>
    <name>DeleteConnectionsDialog</name>
    <message>
        <source>Delete connections on DAS</source>
        <translation>在 DAS 上删除连接</translation>
    </message>
    <message>
        <source>DAS removes these connections; the instances and their data stay. This cannot be undone. The history keeps its rows, marked deleted.</source>
        <translation>DAS 将删除这些连接，实例及其数据不受影响。此操作无法撤销。历史记录会保留这些行，并标记为已删除。</translation>
    </message>
    <message>
        <source>Connections to delete</source>
        <translation>要删除的连接</translation>
    </message>
    <message>
        <source>Deleting connections</source>
        <translation>正在删除连接</translation>
    </message>
    <message>
        <source>Delete result</source>
        <translation>删除结果</translation>
    </message>
    <message>
        <source>Delete status</source>
        <translation>删除状态</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the listed connections on DAS; this cannot be undone</source>
        <translation>在 DAS 上删除列出的连接；此操作无法撤销</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close without deleting anything (Enter or Esc)</source>
        <translation>不删除任何内容并关闭（Enter 或 Esc）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>EndpointResolver</name>
    <message>
        <source>CN North-Beijing1</source>
        <translation>华北-北京一</translation>
    </message>
    <message>
        <source>CN North-Beijing4</source>
        <translation>华北-北京四</translation>
    </message>
    <message>
        <source>CN East-Shanghai2</source>
        <translation>华东-上海二</translation>
    </message>
    <message>
        <source>CN East-Shanghai1</source>
        <translation>华东-上海一</translation>
    </message>
    <message>
        <source>CN South-Guangzhou</source>
        <translation>华南-广州</translation>
    </message>
    <message>
        <source>CN South-Shenzhen</source>
        <translation>华南-深圳</translation>
    </message>
    <message>
        <source>CN Southwest-Guiyang1</source>
        <translation>西南-贵阳一</translation>
    </message>
    <message>
        <source>TR-Istanbul</source>
        <translation>土耳其-伊斯坦布尔</translation>
    </message>
    <message>
        <source>Endpoint URL is required.</source>
        <translation>终端节点 URL 不能为空。</translation>
    </message>
    <message>
        <source>Endpoint &quot;%1&quot; is not a valid URL such as https://das.example.com.</source>
        <translation>终端节点“%1”不是有效的 URL，格式应类似 https://das.example.com。</translation>
    </message>
    <message>
        <source>Endpoint must start with https:// (it starts with %1://).</source>
        <translation>终端节点必须以 https:// 开头（当前为 %1://）。</translation>
    </message>
    <message>
        <source>Endpoint must use https://; plain http:// is allowed only for loopback hosts such as 127.0.0.1, because the request carries a database password.</source>
        <translation>终端节点必须使用 https://；由于请求中包含数据库密码，仅环回地址（如 127.0.0.1）允许使用 http://。</translation>
    </message>
    <message>
        <source>Endpoint port must be from 1 to 65535.</source>
        <translation>终端节点的端口必须为 1-65535。</translation>
    </message>
    <message>
        <source>Endpoint must not contain a user name, query or fragment.</source>
        <translation>终端节点不能包含用户名、查询参数或片段。</translation>
    </message>
    <message>
        <source>custom endpoint</source>
        <translation>自定义终端节点</translation>
    </message>
    <message>
        <source>%1: the DAS entry must be a list of {id, endpoint}.</source>
        <translation>%1：DAS 条目必须是 {id, endpoint} 列表。</translation>
    </message>
    <message>
        <source>%1 is not valid YAML: %2</source>
        <translation>%1 不是有效的 YAML：%2</translation>
    </message>
    <message>
        <source>Region is required.</source>
        <translation>区域不能为空。</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>regions file %1</source>
        <translation>区域文件 %1</translation>
    </message>
    <message>
        <source>Region &quot;%1&quot; is not one DAS is known to serve (%2). Set %3, add it to %4, or give a custom endpoint.</source>
        <translation>区域“%1”不在已知提供 DAS 服务的区域中（%2）。请设置 %3、将其添加到 %4，或指定自定义终端节点。</translation>
    </message>
    <message>
        <source>built-in region list</source>
        <translation>内置区域列表</translation>
    </message>
    <message>
        <source>%1: expected a map of services such as DAS: [{id, endpoint}].</source>
        <translation>%1：应为服务映射，例如 DAS: [{id, endpoint}]。</translation>
    </message>
    <message>
        <source>%1 cannot be read as YAML.</source>
        <translation>%1 无法按 YAML 读取。</translation>
    </message>
    <message>
        <source>CN North-Ulanqab1</source>
        <translation>华北-乌兰察布一</translation>
    </message>
    <message>
        <source>CN East-Qingdao</source>
        <translation>华东-青岛</translation>
    </message>
    <message>
        <source>CN South-Guangzhou-InvitationOnly</source>
        <translation>华南-广州-友好用户环境</translation>
    </message>
    <message>
        <source>CN-Hong Kong</source>
        <translation>中国-香港</translation>
    </message>
    <message>
        <source>AP-Singapore</source>
        <translation>亚太-新加坡</translation>
    </message>
    <message>
        <source>AP-Jakarta</source>
        <translation>亚太-雅加达</translation>
    </message>
    <message>
        <source>ME-Riyadh</source>
        <translation>中东-利雅得</translation>
    </message>
    <message>
        <source>AF-Johannesburg</source>
        <translation>非洲-约翰内斯堡</translation>
    </message>
    <message>
        <source>AF-Cairo</source>
        <translation>非洲-开罗</translation>
    </message>
    <message>
        <source>LA-Sao Paulo1</source>
        <translation>拉美-圣保罗一</translation>
    </message>
    <message>
        <source>LA-Mexico City1</source>
        <translation>拉美-墨西哥城一</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>ErrorExplainer</name>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 秒</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>this computer&apos;s clock is %1 behind the server&apos;s</source>
        <translation>本机时钟比服务器慢 %1</translation>
    </message>
    <message>
        <source>this computer&apos;s clock is %1 ahead of the server&apos;s</source>
        <translation>本机时钟比服务器快 %1</translation>
    </message>
    <message>
        <source>The server accepted the request (HTTP %1) but its answer was cut off, so the new connection ID is unknown; the connection may have been created. Check the DAS console before creating it again.</source>
        <translation>服务器已接受请求（HTTP %1），但响应被截断，无法获知新连接ID；连接可能已创建。请先在 DAS 控制台确认，再决定是否重新创建。</translation>
    </message>
    <message>
        <source>The server accepted the request (HTTP %1) but answered with something that is not JSON, so the new connection ID is unknown; the connection may have been created. Check the DAS console before creating it again.</source>
        <translation>服务器已接受请求（HTTP %1），但响应不是 JSON，无法获知新连接ID；连接可能已创建。请先在 DAS 控制台确认，再决定是否重新创建。</translation>
    </message>
    <message>
        <source>JSON error: %1 at byte %2. Body: %3</source>
        <translation>JSON 错误：第 %2 字节处 %1。响应体：%3</translation>
    </message>
    <message>
        <source>Body: %1</source>
        <translation>响应体：%1</translation>
    </message>
    <message>
        <source>Connection created.</source>
        <translation>连接已创建。</translation>
    </message>
    <message>
        <source>The server answered with a redirect (HTTP %1), which DAS Connect never follows for a signed request; check that the endpoint URL is the DAS API endpoint itself.</source>
        <translation>服务器返回了重定向（HTTP %1），DAS Connect 不会对已签名的请求执行重定向；请确认终端节点 URL 是 DAS API 本身的终端节点。</translation>
    </message>
    <message>
        <source>Redirect target: %1</source>
        <translation>重定向目标：%1</translation>
    </message>
    <message>
        <source>an HTML error page</source>
        <translation>HTML 错误页面</translation>
    </message>
    <message>
        <source>a non-JSON answer</source>
        <translation>非 JSON 响应</translation>
    </message>
    <message>
        <source>The gateway returned %1 (HTTP %2) instead of a DAS answer: DAS did not answer the gateway in time, so whether the connection was created is unknown. Check the DAS console before creating it again.</source>
        <translation>网关返回了%1（HTTP %2），而不是 DAS 的响应：DAS 未及时响应网关，无法确定连接是否已创建。请先在 DAS 控制台确认，再决定是否重新创建。</translation>
    </message>
    <message>
        <source>The server returned %1 (HTTP %2) instead of a DAS answer; the service is failing. Try again later.</source>
        <translation>服务器返回了%1（HTTP %2），而不是 DAS 的响应；服务出现故障，请稍后重试。</translation>
    </message>
    <message>
        <source>The signature has expired: %1. Signed requests are accepted only within 15 minutes of the server&apos;s time; correct the system clock (enable NTP) and try again.</source>
        <translation>签名已过期：%1。签名请求的时间与服务器时间相差不得超过 15 分钟；请校正系统时钟（启用 NTP）后重试。</translation>
    </message>
    <message>
        <source>The signature has expired: this computer&apos;s clock is probably more than 15 minutes off; correct the system clock (enable NTP) and try again.</source>
        <translation>签名已过期：本机时钟的偏差可能超过 15 分钟；请校正系统时钟（启用 NTP）后重试。</translation>
    </message>
    <message>
        <source>The access key (AK) does not exist: check it for typos, and that it was not deleted or created in another account.</source>
        <translation>访问密钥（AK）不存在：请检查是否输入有误，以及该 AK 是否已被删除或属于其他账号。</translation>
    </message>
    <message>
        <source>The AK/SK signature was rejected: the secret key (SK) does not belong to this access key (check for a wrong or mistyped SK), or a proxy altered the request.</source>
        <translation>AK/SK 签名被拒绝：秘密访问密钥（SK）与该访问密钥不匹配（请检查 SK 是否有误），或者代理修改了请求。</translation>
    </message>
    <message>
        <source>The temporary security token was rejected: it has expired or does not belong to this access key. Obtain new temporary credentials.</source>
        <translation>临时安全令牌被拒绝：令牌已过期，或与该访问密钥不匹配。请获取新的临时凭证。</translation>
    </message>
    <message>
        <source>The IAM token was rejected: it is malformed, has expired (tokens last 24 hours), or was issued for another account or region. Obtain a new token.</source>
        <translation>IAM 令牌被拒绝：令牌格式错误、已过期（有效期为 24 小时），或签发给了其他账号或区域。请获取新的令牌。</translation>
    </message>
    <message>
        <source>The access key is temporarily locked after repeated failed signatures; check the SK and try again in 5 minutes.</source>
        <translation>由于多次签名失败，该访问密钥已被临时锁定；请检查 SK，并在 5 分钟后重试。</translation>
    </message>
    <message>
        <source>Authentication failed (HTTP %1): the gateway did not accept these credentials.</source>
        <translation>认证失败（HTTP %1）：网关不接受这些凭证。</translation>
    </message>
    <message>
        <source>Permission denied (HTTP 403): the credentials are valid but not allowed to create DAS connections in this project; ask for the DAS permissions in IAM.</source>
        <translation>权限不足（HTTP 403）：凭证有效，但无权在该项目中创建 DAS 连接；请申请 IAM 中的 DAS 权限。</translation>
    </message>
    <message>
        <source>The API was not found at this endpoint: the region, the endpoint URL or the request path is wrong (DAS may not be offered in that region).</source>
        <translation>该终端节点上不存在此 API：区域、终端节点 URL 或请求路径有误（该区域可能未提供 DAS 服务）。</translation>
    </message>
    <message>
        <source>The request was throttled: too many requests were sent in a short time. Wait a minute and create the connection again; it was not created.</source>
        <translation>请求被限流：短时间内发送的请求过多。连接未创建，请等待一分钟后重新创建。</translation>
    </message>
    <message>
        <source>DAS rejected a parameter as invalid: %1</source>
        <translation>DAS 认为参数无效：%1</translation>
    </message>
    <message>
        <source>DAS does not accept this project ID: check that it is the project of this region in your account.</source>
        <translation>DAS 不接受该项目ID：请确认它是您账号下该区域的项目。</translation>
    </message>
    <message>
        <source>DAS does not know this instance ID: check that the instance exists in this project and region, and that its engine matches.</source>
        <translation>DAS 找不到该实例ID：请确认该实例存在于此项目和区域中，且引擎类型匹配。</translation>
    </message>
    <message>
        <source>The DAS service failed (HTTP %1%2); the connection was not created. Try again later, and quote the request ID if it keeps failing.</source>
        <translation>DAS 服务出错（HTTP %1%2），连接未创建。请稍后重试；如果持续失败，请提供请求ID。</translation>
    </message>
    <message>
        <source>The request was rejected (HTTP %1).</source>
        <translation>请求被拒绝（HTTP %1）。</translation>
    </message>
    <message>
        <source>The request was rejected (HTTP %1): %2</source>
        <translation>请求被拒绝（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>The request had been sent, so the connection may or may not have been created; it is never retried automatically. Check the DAS console before creating it again.</source>
        <translation>请求已发出，连接可能已创建，也可能未创建；请求不会自动重试。请先在 DAS 控制台确认，再决定是否重新创建。</translation>
    </message>
    <message>
        <source>Cancelled. </source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cancelled before anything was sent.</source>
        <translation>已取消，未发送任何内容。</translation>
    </message>
    <message>
        <source>No answer within %1 s. </source>
        <translation>%1 秒内无响应。</translation>
    </message>
    <message>
        <source>Could not reach %1 within %2 s; nothing was sent.</source>
        <translation>%2 秒内无法连接到 %1；未发送任何内容。</translation>
    </message>
    <message>
        <source>The answer was larger than %1 bytes, which no create-connection answer is. </source>
        <translation>响应超过 %1 字节，不可能是创建连接的响应。</translation>
    </message>
    <message>
        <source>Connection refused by %1: nothing is listening there. Check the endpoint and port (is the sandbox running?); nothing was sent.</source>
        <translation>%1 拒绝连接：该地址上没有服务在监听。请检查终端节点和端口（沙箱是否在运行？）；未发送任何内容。</translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved (DNS failure): check the region or endpoint, the network and the proxy settings; nothing was sent.</source>
        <translation>无法解析主机名 %1（DNS 失败）：请检查区域或终端节点、网络及代理设置；未发送任何内容。</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed: the server certificate is not trusted or does not match the host name. Nothing was sent. For a private CA, give its certificate with the CA file option.</source>
        <translation>与 %1 的安全（TLS）连接失败：服务器证书不受信任或与主机名不匹配。未发送任何内容。如使用私有 CA，请通过 CA 文件选项指定其证书。</translation>
    </message>
    <message>
        <source>The proxy failed after the request was sent. </source>
        <translation>请求发出后，代理出现故障。</translation>
    </message>
    <message>
        <source>The proxy could not be used (%1); nothing was sent.</source>
        <translation>无法使用代理（%1）；未发送任何内容。</translation>
    </message>
    <message>
        <source>The connection to %1 was closed or reset before an answer arrived. </source>
        <translation>收到响应之前，与 %1 的连接已关闭或被重置。</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2. Nothing was sent.</source>
        <translation>无法连接到 %1：%2。未发送任何内容。</translation>
    </message>
    <message>
        <source>The gateway stopped waiting for DAS (HTTP %1), so whether the connection was created is unknown. Check the DAS console before creating it again.</source>
        <translation>网关已停止等待 DAS 的响应（HTTP %1），因此无法确定连接是否已创建。再次创建前，请先在 DAS 控制台中确认。</translation>
    </message>
    <message>
        <source>The server accepted the request (HTTP %1) but its answer has no usable connection_id (expected 1 to 128 letters, digits, &apos;-&apos; or &apos;_&apos;), so the connection may have been created. Check the DAS console before creating it again.</source>
        <translation>服务器已接受请求（HTTP %1），但其应答中没有可用的 connection_id（应为 1 到 128 个字母、数字、“-”或“_”），因此连接可能已经创建。再次创建之前，请先在 DAS 控制台中确认。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>DAS Connect Help</source>
        <translation>DAS Connect 帮助</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every key the window answers to, read from its menus, buttons and fields. Alt with an underlined letter moves to that field or presses that button.</source>
        <translation>窗口响应的所有按键，读取自其菜单、按钮和字段。按 Alt 加带下划线的字母，可移到对应字段或按下对应按钮。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>Connection history</source>
        <translation>连接历史</translation>
    </message>
    <message>
        <source>Shows connections whose endpoint, project, instance, engine, username, connection ID, database or remarks contain this text</source>
        <translation>显示终端节点、项目、实例、引擎、用户名、连接ID、数据库或备注中包含此文本的连接</translation>
    </message>
    <message>
        <source>Filter history</source>
        <translation>筛选历史记录</translation>
    </message>
    <message>
        <source>Number of connections shown</source>
        <translation>显示的连接数</translation>
    </message>
    <message>
        <source>Copy the connection IDs of the selected rows (Ctrl+C)</source>
        <translation>复制所选行的连接ID（Ctrl+C）</translation>
    </message>
    <message>
        <source>Copy connection ID</source>
        <translation>复制连接ID</translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation>复制ID</translation>
    </message>
    <message>
        <source>Fill the form from the selected connection; the password is left empty (Enter or double-click)</source>
        <translation>用所选连接填写表单，密码留空（Enter 或双击）</translation>
    </message>
    <message>
        <source>Use as template</source>
        <translation>用作模板</translation>
    </message>
    <message>
        <source>Remove the selected rows from the local history; the connections stay in DAS (Delete)</source>
        <translation>从本地历史记录中移除所选行，DAS 中的连接不受影响（Delete）</translation>
    </message>
    <message>
        <source>Delete from history</source>
        <translation>从历史记录中删除</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Export the selected rows or every row matching the filter to CSV or JSON</source>
        <translation>将所选行或所有符合筛选条件的行导出为 CSV 或 JSON</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Instance, username, connection ID, remarks… (Ctrl+F)</source>
        <translation>实例、用户名、连接ID、备注…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Choose the columns to show (also from the table header&apos;s context menu)</source>
        <translation>选择要显示的列（也可通过表头的右键菜单选择）</translation>
    </message>
    <message>
        <source>Choose columns</source>
        <translation>选择列</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>Cannot open the history database %1: %2</source>
        <translation>无法打开历史数据库 %1：%2</translation>
    </message>
    <message>
        <source>Cannot configure the history database: %1</source>
        <translation>无法配置历史数据库：%1</translation>
    </message>
    <message>
        <source>Cannot upgrade the history database: %1</source>
        <translation>无法升级历史数据库：%1</translation>
    </message>
    <message>
        <source>The history database %1 was written by a newer DAS Connect (schema %2, this one knows %3).</source>
        <translation>历史数据库 %1 由更新版本的 DAS Connect 写入（结构版本 %2，本程序仅支持 %3）。</translation>
    </message>
    <message>
        <source>Cannot save the connection to history: %1</source>
        <translation>无法将连接保存到历史记录：%1</translation>
    </message>
    <message>
        <source>Cannot delete history rows: %1</source>
        <translation>无法删除历史记录：%1</translation>
    </message>
    <message>
        <source>Cannot update history: %1</source>
        <translation>无法更新历史记录：%1</translation>
    </message>
    <message>
        <source>The history database cannot be opened: %1</source>
        <translation>无法打开历史记录数据库：%1</translation>
    </message>
    <message>
        <source>The history database cannot be kept private: %1</source>
        <translation>无法保持历史记录数据库的私密性：%1</translation>
    </message>
    <message>
        <source>History row %1 does not exist.</source>
        <translation>ID 为 %1 的历史记录行不存在。</translation>
    </message>
</context>
<context>
    <name>InstancePickerDialog</name>
    <message>
        <source>Pick an instance</source>
        <translation>选择实例</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Search instances</source>
        <translation>搜索实例</translation>
    </message>
    <message>
        <source>Part of a name, instance ID, IP or engine</source>
        <translation>名称、实例 ID、IP 或引擎的一部分</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Ask DAS again instead of using the list loaded earlier in this session</source>
        <translation>重新向 DAS 查询，而不使用本次会话中之前加载的列表</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Picker status</source>
        <translation>选择器状态</translation>
    </message>
    <message>
        <source>Loading instances</source>
        <translation>正在加载实例</translation>
    </message>
    <message>
        <source>C&amp;ancel loading</source>
        <translation>取消加载(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close without picking (Esc)</source>
        <translation>不选择并关闭（Esc）</translation>
    </message>
    <message>
        <source>&amp;Use instance</source>
        <translation>使用此实例(&amp;U)</translation>
    </message>
    <message>
        <source>Fill the form with the selected instance (Enter or double-click)</source>
        <translation>用所选实例填写表单（回车或双击）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DAS Connect</source>
        <translation>DAS Connect</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Sandbox</source>
        <translation>沙箱(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Create connection</source>
        <translation>创建连接(&amp;C)</translation>
    </message>
    <message>
        <source>Send the create-connection request (Enter)</source>
        <translation>发送创建连接请求（Enter）</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>&amp;Preview request…</source>
        <translation>预览请求(&amp;P)…</translation>
    </message>
    <message>
        <source>Show the exact request, secrets masked</source>
        <translation>显示将要发送的完整请求，敏感信息已隐藏</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Fill &amp;example</source>
        <translation>填入示例(&amp;E)</translation>
    </message>
    <message>
        <source>Fill a valid example request</source>
        <translation>填入一个有效的示例请求</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>C&amp;lear form</source>
        <translation>清空表单(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Start built-in sandbox</source>
        <translation>启动内置沙箱(&amp;S)</translation>
    </message>
    <message>
        <source>Run a local DAS sandbox and send requests to it</source>
        <translation>运行本地 DAS 沙箱，并将请求发送到该沙箱</translation>
    </message>
    <message>
        <source>&amp;About DAS Connect</source>
        <translation>关于 DAS Connect(&amp;A)</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>历史记录(&amp;Y)</translation>
    </message>
    <message>
        <source>What this computer created: every create, its state, and connections to delete on DAS</source>
        <translation>本机创建的内容：每次创建及其状态，以及可在 DAS 上删除的连接</translation>
    </message>
    <message>
        <source>&amp;On DAS</source>
        <translation>DAS 上的连接(&amp;O)</translation>
    </message>
    <message>
        <source>The connections DAS holds for the form&apos;s endpoint and project</source>
        <translation>DAS 中表单所选终端节点和项目下的连接</translation>
    </message>
    <message>
        <source>&amp;Delete selected connections on DAS…</source>
        <translation>在 DAS 上删除所选连接(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete on DAS the connections of the rows selected in the history, after asking</source>
        <translation>确认后在 DAS 上删除历史记录中所选行的连接</translation>
    </message>
    <message>
        <source>&amp;Tear down demo connections…</source>
        <translation>清理演示连接(&amp;T)…</translation>
    </message>
    <message>
        <source>Delete on DAS the connections this history created on the form&apos;s endpoint and project</source>
        <translation>在 DAS 上删除此历史记录在表单所选终端节点和项目中创建的连接</translation>
    </message>
    <message>
        <source>&amp;Batch onboarding…</source>
        <translation>批量接入(&amp;B)…</translation>
    </message>
    <message>
        <source>Create many connections from a CSV or JSON file, on the form&apos;s endpoint and project</source>
        <translation>根据 CSV 或 JSON 文件，在表单所选终端节点和项目中批量创建连接</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>Read the user guide (offline)</source>
        <translation>阅读用户指南（离线）</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List every key the window answers to</source>
        <translation>列出窗口响应的所有按键</translation>
    </message>
</context>
<context>
    <name>NodeIdListEditor</name>
    <message>
        <source>New node ID</source>
        <translation>新节点ID</translation>
    </message>
    <message>
        <source>node ID, or paste several separated by newlines, commas or spaces</source>
        <translation>节点ID，或粘贴多个以换行、逗号或空格分隔的节点ID</translation>
    </message>
    <message>
        <source>Node ID list</source>
        <translation>节点ID列表</translation>
    </message>
    <message>
        <source>Choose an instance, then look up its nodes in DAS to pick them.</source>
        <translation>请先选择实例，然后在 DAS 中查找其节点以进行选择。</translation>
    </message>
    <message>
        <source>List the nodes of the instance in the Instance ID field (name, role, status) as checkboxes</source>
        <translation>以复选框列出“实例 ID”字段中实例的节点（名称、角色、状态）</translation>
    </message>
    <message>
        <source>Nodes of the instance</source>
        <translation>实例的节点</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Look up nodes in DAS</source>
        <translation>在 DAS 中查找节点</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Request preview</source>
        <translation>请求预览</translation>
    </message>
    <message>
        <source>Masked request</source>
        <translation>已隐藏敏感信息的请求</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation>复制为 curl 命令(&amp;U)</translation>
    </message>
    <message>
        <source>Problems with this request</source>
        <translation>此请求中的问题</translation>
    </message>
    <message>
        <source>This is the request as it would be sent now, its JSON body indented for reading (Copy copies it as sent). The password, tokens and signature are masked; the signature and date change on every send.</source>
        <translation>这是当前将要发送的请求，其 JSON 正文已缩进以便阅读（“复制”会按发送时的原样复制）。密码、令牌和签名已隐藏；签名和日期在每次发送时都会变化。</translation>
    </message>
    <message>
        <source>Command copied. Paste it into a shell: it asks for the database password and pipes it to --password-stdin. The credentials come from the profile named, or from das-connect-cli&apos;s usual environment variables.</source>
        <translation>命令已复制。请将其粘贴到 shell 中：它会询问数据库密码，并通过管道传给 --password-stdin。凭证来自命令中指定的配置项，或来自 das-connect-cli 常用的环境变量。</translation>
    </message>
    <message>
        <source>Copy as das-connect-cli co&amp;mmand</source>
        <translation>复制为 das-connect-cli 命令(&amp;M)</translation>
    </message>
    <message>
        <source>Copy a das-connect-cli create command for this form. It reads the password from stdin (it asks for it when pasted into a shell); no password or cloud key is in it.</source>
        <translation>复制此表单对应的 das-connect-cli 创建命令。该命令从 stdin 读取密码（粘贴到 shell 中时会询问密码）；命令中不包含任何密码或云密钥。</translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <source>Profile</source>
        <translation>配置项</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>配置项名称</translation>
    </message>
    <message>
        <source>Name of the profile, as the picker shows it</source>
        <translation>配置项的名称，显示在选择列表中</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;, spaces; at most 64</source>
        <translation>字母、数字、-_. 或空格，最多 64 个</translation>
    </message>
    <message>
        <source>&amp;Authentication</source>
        <translation>认证方式(&amp;A)</translation>
    </message>
    <message>
        <source>Authentication method</source>
        <translation>认证方式</translation>
    </message>
    <message>
        <source>Permanent AK/SK, temporary AK/SK with a security token, or an IAM token</source>
        <translation>永久 AK/SK、带安全令牌的临时 AK/SK，或 IAM 令牌</translation>
    </message>
    <message>
        <source>Access &amp;key (AK)</source>
        <translation>访问密钥 AK(&amp;K)</translation>
    </message>
    <message>
        <source>Access key (AK)</source>
        <translation>访问密钥 AK</translation>
    </message>
    <message>
        <source>The access key ID; it is not secret and is kept in the settings file</source>
        <translation>访问密钥ID，不属于机密信息，保存在设置文件中</translation>
    </message>
    <message>
        <source>For example HPUAXXXXXXXXXXXXW8LM</source>
        <translation>例如 HPUAXXXXXXXXXXXXW8LM</translation>
    </message>
    <message>
        <source>&amp;Secret key (SK)</source>
        <translation>秘密访问密钥 SK(&amp;S)</translation>
    </message>
    <message>
        <source>Secret key (SK)</source>
        <translation>秘密访问密钥 SK</translation>
    </message>
    <message>
        <source>Kept only in the OS keychain</source>
        <translation>仅存于系统钥匙串</translation>
    </message>
    <message>
        <source>Security &amp;token</source>
        <translation>安全令牌(&amp;T)</translation>
    </message>
    <message>
        <source>Security token</source>
        <translation>安全令牌</translation>
    </message>
    <message>
        <source>The security token of temporary credentials; kept only in the OS keychain</source>
        <translation>临时凭证的安全令牌，仅保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>&amp;IAM token</source>
        <translation>IAM 令牌(&amp;I)</translation>
    </message>
    <message>
        <source>IAM token</source>
        <translation>IAM 令牌</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>区域(&amp;R)</translation>
    </message>
    <message>
        <source>Region or custom endpoint</source>
        <translation>区域或自定义终端节点</translation>
    </message>
    <message>
        <source>The Huawei Cloud region whose DAS endpoint is used, or a custom endpoint</source>
        <translation>使用其 DAS 终端节点的华为云区域，或自定义终端节点</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL</source>
        <translation>终端节点 URL(&amp;E)</translation>
    </message>
    <message>
        <source>Custom endpoint URL</source>
        <translation>自定义终端节点 URL</translation>
    </message>
    <message>
        <source>https only, except for loopback hosts</source>
        <translation>除环回地址外仅支持 https</translation>
    </message>
    <message>
        <source>https://das.example.com</source>
        <translation>https://das.example.com</translation>
    </message>
    <message>
        <source>Default &amp;project ID</source>
        <translation>默认项目ID(&amp;P)</translation>
    </message>
    <message>
        <source>Default project ID</source>
        <translation>默认项目ID</translation>
    </message>
    <message>
        <source>Filled into the form when the profile is chosen</source>
        <translation>选择该配置项时自动填入表单</translation>
    </message>
    <message>
        <source>Optional: 32 letters or digits</source>
        <translation>可选：32 位字母或数字</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ProfileManagerDialog</name>
    <message>
        <source>Profiles</source>
        <translation>配置项</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>配置项(&amp;P)</translation>
    </message>
    <message>
        <source>Saved cloud profiles; double-click one to edit it</source>
        <translation>已保存的云配置项；双击可编辑</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>添加配置项</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>编辑配置项</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除配置项</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <source>Test profile</source>
        <translation>测试配置项</translation>
    </message>
    <message>
        <source>Reads the profile&apos;s secrets from the OS keychain and checks that its endpoint answers; nothing is created</source>
        <translation>从系统钥匙串读取配置项的机密信息，并检查其终端节点是否响应；不会创建任何内容</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>导入配置项</translation>
    </message>
    <message>
        <source>Copies credentials from the SDK environment variables, the SDK credentials file or KooCLI into the OS keychain; the sources are not changed</source>
        <translation>将 SDK 环境变量、SDK 凭证文件或 KooCLI 中的凭证复制到系统钥匙串，不会修改来源</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Profile details</source>
        <translation>配置项详情</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From &amp;environment variables</source>
        <translation>从环境变量(&amp;E)</translation>
    </message>
    <message>
        <source>From &amp;SDK credentials file…</source>
        <translation>从 SDK 凭证文件(&amp;S)…</translation>
    </message>
    <message>
        <source>From &amp;KooCLI configuration…</source>
        <translation>从 KooCLI 配置(&amp;K)…</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Profile name is required.</source>
        <translation>配置项名称不能为空。</translation>
    </message>
    <message>
        <source>Profile name must be at most %1 characters (it has %2).</source>
        <translation>配置项名称不能超过 %1 个字符（当前为 %2 个）。</translation>
    </message>
    <message>
        <source>Profile name must not start or end with a space.</source>
        <translation>配置项名称的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <source>Profile name &quot;%1&quot; may contain only letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and spaces (not &apos;%2&apos;).</source>
        <translation>配置项名称“%1”只能包含字母、数字、“-”、“_”、“.”和空格（不能包含“%2”）。</translation>
    </message>
    <message>
        <source>Access key (AK) is required for AK/SK authentication.</source>
        <translation>AK/SK 认证需要填写访问密钥（AK）。</translation>
    </message>
    <message>
        <source>Access key (AK) must be at most %1 characters.</source>
        <translation>访问密钥（AK）不能超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Access key (AK) must not contain spaces or control characters.</source>
        <translation>访问密钥（AK）不能包含空格或控制字符。</translation>
    </message>
    <message>
        <source>Choose a region or enter a custom endpoint.</source>
        <translation>请选择区域或输入自定义终端节点。</translation>
    </message>
    <message>
        <source>Choose either a region or a custom endpoint, not both.</source>
        <translation>区域和自定义终端节点只能二选一。</translation>
    </message>
    <message>
        <source>Could not write the settings file %1.</source>
        <translation>无法写入设置文件 %1。</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be kept private: %2</source>
        <translation>无法保持设置文件 %1 的私密性：%2</translation>
    </message>
</context>
<context>
    <name>RequestValidator</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1不能为空。</translation>
    </message>
    <message>
        <source>%1 must not contain control characters other than line breaks.</source>
        <translation>%1不能包含换行符以外的控制字符。</translation>
    </message>
    <message>
        <source>%1 must not contain control characters such as tabs or line breaks.</source>
        <translation>%1不能包含制表符、换行符等控制字符。</translation>
    </message>
    <message>
        <source>%1 must be at most %2 characters (it has %3).</source>
        <translation>%1不能超过 %2 个字符（当前为 %3 个）。</translation>
    </message>
    <message>
        <source>RDS for MySQL</source>
        <translation>RDS for MySQL</translation>
    </message>
    <message>
        <source>RDS for SQL Server</source>
        <translation>RDS for SQL Server</translation>
    </message>
    <message>
        <source>RDS for PostgreSQL</source>
        <translation>RDS for PostgreSQL</translation>
    </message>
    <message>
        <source>TaurusDB (GaussDB for MySQL)</source>
        <translation>TaurusDB (GaussDB for MySQL)</translation>
    </message>
    <message>
        <source>GaussDB</source>
        <translation>GaussDB</translation>
    </message>
    <message>
        <source>DDS (Document Database Service)</source>
        <translation>文档数据库服务 DDS</translation>
    </message>
    <message>
        <source>DDM (Distributed Database Middleware)</source>
        <translation>分布式数据库中间件 DDM</translation>
    </message>
    <message>
        <source>RDS instance</source>
        <translation>RDS 实例</translation>
    </message>
    <message>
        <source>GaussDB instance</source>
        <translation>GaussDB 实例</translation>
    </message>
    <message>
        <source>DDS instance</source>
        <translation>DDS 实例</translation>
    </message>
    <message>
        <source>DDM instance</source>
        <translation>DDM 实例</translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation>实例ID</translation>
    </message>
    <message>
        <source>Engine type</source>
        <translation>引擎类型</translation>
    </message>
    <message>
        <source>Network type</source>
        <translation>网络类型</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Node IDs</source>
        <translation>节点ID</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>数据库名称</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save password</source>
        <translation>保存密码</translation>
    </message>
    <message>
        <source>Record SQL</source>
        <translation>记录SQL</translation>
    </message>
    <message>
        <source>Project ID is required.</source>
        <translation>项目ID不能为空。</translation>
    </message>
    <message>
        <source>Project ID must be exactly 32 letters or digits (length %1%2).</source>
        <translation>项目ID必须为 32 位字母或数字（当前长度 %1%2）。</translation>
    </message>
    <message>
        <source>, not all letters or digits</source>
        <translation>，且含有字母和数字以外的字符</translation>
    </message>
    <message>
        <source>Instance ID is required.</source>
        <translation>实例ID不能为空。</translation>
    </message>
    <message>
        <source>Instance ID must be 32 letters or digits, optionally followed by &quot;in&quot; and two digits (e.g. …fbin01); length %1.</source>
        <translation>实例ID必须为 32 位字母或数字，可带后缀“in”加两位数字（如 …fbin01）；当前长度 %1。</translation>
    </message>
    <message>
        <source>Node IDs: at most %1 nodes may be given (there are %2).</source>
        <translation>节点ID：最多可填写 %1 个节点（当前为 %2 个）。</translation>
    </message>
    <message>
        <source>Node ID %1 is empty.</source>
        <translation>第 %1 个节点ID为空。</translation>
    </message>
    <message>
        <source>Node ID %1 must be 32 letters or digits, optionally followed by &quot;no&quot; and two digits (e.g. …0bno01); length %2.</source>
        <translation>第 %1 个节点ID必须为 32 位字母或数字，可带后缀“no”加两位数字（如 …0bno01）；当前长度 %2。</translation>
    </message>
    <message>
        <source>Node ID %1 is a duplicate of an earlier node ID.</source>
        <translation>第 %1 个节点ID与前面的节点ID重复。</translation>
    </message>
    <message>
        <source>Port must be a whole number from 1 to 65535, or left empty.</source>
        <translation>端口必须为 1-65535 之间的整数，或留空。</translation>
    </message>
    <message>
        <source>Port 65536 is not a TCP port: the API documentation allows it, but ports end at 65535.</source>
        <translation>65536 不是有效的 TCP 端口：虽然 API 文档允许该值，但端口号最大为 65535。</translation>
    </message>
    <message>
        <source>Port must be from 1 to 65535 (it is %1).</source>
        <translation>端口必须为 1-65535（当前为 %1）。</translation>
    </message>
    <message>
        <source>Engine type is required.</source>
        <translation>引擎类型不能为空。</translation>
    </message>
    <message>
        <source>Engine type must be one of: %1.</source>
        <translation>引擎类型必须为以下值之一：%1。</translation>
    </message>
    <message>
        <source>Network type is required.</source>
        <translation>网络类型不能为空。</translation>
    </message>
    <message>
        <source>Network type must be one of: %1.</source>
        <translation>网络类型必须为以下值之一：%1。</translation>
    </message>
    <message>
        <source>Username must not start or end with spaces.</source>
        <translation>用户名的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>Network type %1 does not go with engine %2; use %3.</source>
        <translation>网络类型 %1 与引擎 %2 不匹配；请使用 %3。</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>New connection ID</source>
        <translation>新连接ID</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>错误详情</translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation>复制ID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>TeardownDialog</name>
    <message>
        <source>Tear down connections</source>
        <translation>清理连接</translation>
    </message>
    <message>
        <source>Delete what this history created &amp;since:</source>
        <translation>删除此历史记录自以下时间起创建的连接(&amp;S)：</translation>
    </message>
    <message>
        <source>Created since</source>
        <translation>创建起始时间</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>列出(&amp;L)</translation>
    </message>
    <message>
        <source>Ask DAS which of these connections are still there (Enter)</source>
        <translation>向 DAS 查询这些连接中哪些仍然存在（Enter）</translation>
    </message>
    <message>
        <source>Connections to delete</source>
        <translation>要删除的连接</translation>
    </message>
    <message>
        <source>Teardown status</source>
        <translation>清理状态</translation>
    </message>
    <message>
        <source>Listing connections</source>
        <translation>正在列出连接</translation>
    </message>
    <message>
        <source>Asks before deleting the listed connections on DAS</source>
        <translation>在 DAS 上删除列出的连接之前会先确认</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>das::AppPaths</name>
    <message>
        <source>%1 cannot be checked: %2</source>
        <translation>无法检查 %1：%2</translation>
    </message>
    <message>
        <source>%1 belongs to another user; DAS Connect keeps its files only where they are yours alone.</source>
        <translation>%1 属于其他用户；DAS Connect 只在仅属于您的位置保存文件。</translation>
    </message>
    <message>
        <source>%1 cannot be made private (mode %2): %3</source>
        <translation>无法将 %1 设为私有（权限 %2）：%3</translation>
    </message>
    <message>
        <source>%1 keeps mode %2 instead of %3, so other users could read it.</source>
        <translation>%1 的权限仍为 %2 而不是 %3，其他用户可能读取它。</translation>
    </message>
    <message>
        <source>%1 cannot be made private.</source>
        <translation>无法将 %1 设为私有。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>%1 cannot be created: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
</context>
<context>
    <name>das::BatchDialog</name>
    <message>
        <source>Column %1: %2</source>
        <translation>列 %1：%2</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Reading the credentials from the OS keychain…</source>
        <translation>正在从系统钥匙串读取凭证…</translation>
    </message>
    <message>
        <source>The sandbox&apos;s sample file is missing from this build.</source>
        <translation>此版本中缺少沙箱的示例文件。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s sample</source>
        <translation>沙箱示例文件</translation>
    </message>
    <message>
        <source>The file holds no rows.</source>
        <translation>文件中没有任何行。</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more problem(s).</source>
        <translation>
            <numerusform>…另有 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>This file cannot be applied until these are fixed in the file:</source>
        <translation>必须先在文件中修正以下问题，才能执行此文件：</translation>
    </message>
    <message>
        <source>Asking DAS about the rows…</source>
        <translation>正在向 DAS 查询各行…</translation>
    </message>
    <message>
        <source>Looking up instance names (%1 of %2 projects)…</source>
        <translation>正在查找实例名称（第 %1 个项目，共 %2 个）…</translation>
    </message>
    <message>
        <source>Looking up node names (%1 of %2 instances)…</source>
        <translation>正在查找节点名称（第 %1 个实例，共 %2 个）…</translation>
    </message>
    <message>
        <source>Looking for existing connections (%1 of %2 projects)…</source>
        <translation>正在查找已有连接（第 %1 个项目，共 %2 个）…</translation>
    </message>
    <message>
        <source>The plan was cancelled.</source>
        <translation>已取消规划。</translation>
    </message>
    <message>
        <source>Open batch file</source>
        <translation>打开批量文件</translation>
    </message>
    <message>
        <source>Batch files (*.csv *.json);;All files (*)</source>
        <translation>批量文件 (*.csv *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;JSON files (*.json)</source>
        <translation>CSV 文件 (*.csv);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>报告已保存到 %1。</translation>
    </message>
    <message>
        <source>Write sample file</source>
        <translation>写入示例文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Sample written to %1.</source>
        <translation>示例文件已写入 %1。</translation>
    </message>
    <message>
        <source>There is no report yet: apply the batch first.</source>
        <translation>尚无报告：请先执行批量操作。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Open a CSV or JSON file with one connection per row.</source>
        <translation>请打开 CSV 或 JSON 文件，每行一个连接。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s):</source>
        <translation>
            <numerusform>共 %n 行：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to create, %2 to skip, %3 invalid, %4 left out.</source>
        <translation>%1 行待创建，%2 行将跳过，%3 行无效，%4 行已排除。</translation>
    </message>
    <message>
        <source>%1 valid, %2 invalid, %3 left out. Plan checks the valid rows against DAS.</source>
        <translation>%1 行有效，%2 行无效，%3 行已排除。“规划”会向 DAS 核对有效的行。</translation>
    </message>
    <message>
        <source>Creates one connection per row of a CSV or JSON file on %1 in project %2, with the credentials the form uses (%3). Passwords never come from the file: Apply asks for them. Double-click a cell to correct it; clear a row&apos;s Send box to leave it out.</source>
        <translation>使用表单所用的凭证（%3），为 CSV 或 JSON 文件中的每一行在 %1 的项目 %2 中创建一个连接。密码从不取自文件：“执行”时会询问密码。双击单元格可修改其内容；取消勾选某行的“发送”框即可排除该行。</translation>
    </message>
    <message>
        <source>No file read yet.</source>
        <translation>尚未读取文件。</translation>
    </message>
    <message>
        <source>Nothing to create: every row is skipped, invalid or left out.</source>
        <translation>没有要创建的连接：所有行均为跳过、无效或已排除。</translation>
    </message>
    <message>
        <source>Nothing was sent: the passwords were not given.</source>
        <translation>未发送任何内容：未提供密码。</translation>
    </message>
    <message>
        <source>The batch could not be started.</source>
        <translation>无法启动批量操作。</translation>
    </message>
    <message>
        <source>Creating the connections, %1 at a time…</source>
        <translation>正在创建连接，每次同时创建 %1 个…</translation>
    </message>
    <message numerus="yes">
        <source>%n created</source>
        <translation>
            <numerusform>已创建 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>已跳过 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>失败 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid</source>
        <translation>
            <numerusform>无效 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run</source>
        <translation>
            <numerusform>未执行 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: %1.</source>
        <translation>已取消：%1。</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>已完成：%1。</translation>
    </message>
    <message>
        <source>Rows marked unknown may exist on DAS: plan again before applying them again.</source>
        <translation>标记为“未知”的行可能已在 DAS 上存在：再次执行这些行之前，请先重新规划。</translation>
    </message>
    <message>
        <source>Cancelling: no new row starts; the rows already sent finish.</source>
        <translation>正在取消：不再开始新的行；已发送的行会继续完成。</translation>
    </message>
    <message>
        <source>%1 created · %2 skipped · %3 failed</source>
        <translation>已创建 %1 · 已跳过 %2 · 失败 %3</translation>
    </message>
</context>
<context>
    <name>das::BatchFileReader</name>
    <message numerus="yes">
        <source>… and %n more problem(s).</source>
        <translation>
            <numerusform>…另有 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>A column has no name.</source>
        <translation>有一列没有名称。</translation>
    </message>
    <message>
        <source>Column “%1” is named more than once.</source>
        <translation>列“%1”出现了多次。</translation>
    </message>
    <message>
        <source>The file has a password column. Passwords are never read from a batch file: they would sit on disk, in shell history and in backups. Remove the column and give the passwords with --password-stdin or --passwords-file, from the keychain, or when the window asks for them.</source>
        <translation>文件中有 password 列。批量文件中的密码从不读取：否则密码会留在磁盘、shell 历史记录和备份中。请删除该列，并通过 --password-stdin 或 --passwords-file、钥匙串，或在窗口询问时提供密码。</translation>
    </message>
    <message>
        <source>Unknown column “%1”: a batch file may have %2.</source>
        <translation>未知的列“%1”：批量文件可包含的列为 %2。</translation>
    </message>
    <message>
        <source>Row %1: a cell is longer than %2 characters.</source>
        <translation>第 %1 行：有单元格超过 %2 个字符。</translation>
    </message>
    <message>
        <source>The file has more than %1 rows; split it into smaller files.</source>
        <translation>文件超过 %1 行；请将其拆分为多个较小的文件。</translation>
    </message>
    <message>
        <source>Row %1 has %2 cells, but the header names %3 columns.</source>
        <translation>第 %1 行有 %2 个单元格，但标题行只定义了 %3 列。</translation>
    </message>
    <message>
        <source>Row %1: a quoted cell is not closed (a closing &quot; is missing); the rest of the file was not read.</source>
        <translation>第 %1 行：带引号的单元格未闭合（缺少结尾的 &quot;）；文件的其余部分未读取。</translation>
    </message>
    <message>
        <source>the value must be text, a number, true, false or null</source>
        <translation>值必须是文本、数字、true、false 或 null</translation>
    </message>
    <message>
        <source>a list is only allowed for node_ids and node_names</source>
        <translation>只有 node_ids 和 node_names 可以使用列表</translation>
    </message>
    <message>
        <source>a node list may only hold text</source>
        <translation>节点列表只能包含文本</translation>
    </message>
    <message>
        <source>Row %1 names column %2 more than once.</source>
        <translation>第 %1 行多次出现列 %2。</translation>
    </message>
    <message>
        <source>Row %1, column %2: %3.</source>
        <translation>第 %1 行，列 %2：%3。</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 (at byte %2).</source>
        <translation>文件不是有效的 JSON：%1（第 %2 字节处）。</translation>
    </message>
    <message>
        <source>A JSON batch file must be an array of objects, one for each connection.</source>
        <translation>JSON 批量文件必须是对象数组，每个对象对应一个连接。</translation>
    </message>
    <message>
        <source>Row %1 is not an object.</source>
        <translation>第 %1 行不是对象。</translation>
    </message>
    <message>
        <source>The file is larger than %1; split it into smaller files.</source>
        <translation>文件大于 %1；请将其拆分为多个较小的文件。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (line %1): save it as UTF-8.</source>
        <translation>文件不是 UTF-8 文本（第 %1 行）：请将其另存为 UTF-8。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>文件中没有任何行。</translation>
    </message>
    <message>
        <source>The file names more than %1 columns; a batch file has at most %2.</source>
        <translation>文件中的列超过 %1 个；批量文件最多有 %2 列。</translation>
    </message>
    <message>
        <source>Row %1 has more than %2 cells.</source>
        <translation>第 %1 行的单元格超过 %2 个。</translation>
    </message>
</context>
<context>
    <name>das::BatchPasswordDialog</name>
    <message numerus="yes">
        <source>%1 (%n row(s)):</source>
        <translation>
            <numerusform>%1（%n 行）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter the database password of each user name; it is used for every row of that user (%n row(s) to create). Leave a field empty to use the password saved in the OS keychain for each of that user&apos;s rows: a row without a saved password fails.</source>
        <translation>
            <numerusform>请输入每个用户名的数据库密码，该用户的所有行都使用此密码（共 %n 行待创建）。字段留空则对该用户的每一行使用系统钥匙串中保存的密码：没有已保存密码的行将失败。</numerusform>
        </translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Empty: the saved password</source>
        <translation>留空：使用已保存的密码</translation>
    </message>
</context>
<context>
    <name>das::BatchPasswords</name>
    <message>
        <source>The passwords file %1 cannot be read: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
    <message>
        <source>The passwords file %1 is not a regular file (a pipe, device or folder is not read).</source>
        <translation>密码文件 %1 不是普通文件（不读取管道、设备或文件夹）。</translation>
    </message>
    <message>
        <source>The passwords file %1 belongs to another user; it must be your own.</source>
        <translation>密码文件 %1 属于其他用户；它必须属于您自己。</translation>
    </message>
    <message>
        <source>The passwords file %1 can be read or changed by other users (mode %2); make it private first: chmod 600 %1</source>
        <translation>其他用户可以读取或修改密码文件 %1（权限 %2）；请先将其设为私有：chmod 600 %1</translation>
    </message>
    <message>
        <source>The passwords file %1 must be a JSON object mapping &quot;username&quot; or &quot;instance_id/username&quot; to a password: %2</source>
        <translation>密码文件 %1 必须是将“username”或“instance_id/username”映射到密码的 JSON 对象：%2</translation>
    </message>
    <message>
        <source>the file holds another JSON value</source>
        <translation>文件包含的是其他类型的 JSON 值</translation>
    </message>
    <message>
        <source>The passwords file %1: the entry %2 must map &quot;username&quot; or &quot;instance_id/username&quot; to a non-empty string.</source>
        <translation>密码文件 %1：条目 %2 必须将“username”或“instance_id/username”映射到非空字符串。</translation>
    </message>
</context>
<context>
    <name>das::BatchPlanner</name>
    <message>
        <source>DAS lists no instance with ID %1 in project %2.</source>
        <translation>DAS 在项目 %2 中没有 ID 为 %1 的实例。</translation>
    </message>
    <message>
        <source>Instance %1 is named “%2”, not “%3”.</source>
        <translation>实例 %1 的名称是“%2”，而不是“%3”。</translation>
    </message>
    <message>
        <source>DAS lists no instance named “%1” in project %2.</source>
        <translation>DAS 在项目 %2 中没有名为“%1”的实例。</translation>
    </message>
    <message>
        <source>%1 instances are named “%2”: %3. Give instance_id instead.</source>
        <translation>有 %1 个实例名为“%2”：%3。请改用 instance_id。</translation>
    </message>
    <message>
        <source>Instance “%1” is a %2 instance: connections cannot be created for that engine.</source>
        <translation>实例“%1”是 %2 实例：无法为该引擎创建连接。</translation>
    </message>
    <message>
        <source>Instance “%1” has engine type %2, not %3.</source>
        <translation>实例“%1”的引擎类型是 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>The nodes of instance %1 could not be listed: %2</source>
        <translation>无法列出实例 %1 的节点：%2</translation>
    </message>
    <message>
        <source>Instance “%1” has no node named “%2”; its nodes are: %3.</source>
        <translation>实例“%1”没有名为“%2”的节点；其节点为：%3。</translation>
    </message>
    <message>
        <source>Instance “%1” has more than one node named “%2”; give node_ids instead.</source>
        <translation>实例“%1”有多个名为“%2”的节点；请改用 node_ids。</translation>
    </message>
    <message>
        <source>DAS lists more than %1 connections for instance %2; a batch cannot check it for existing connections.</source>
        <translation>DAS 为实例 %2 列出了超过 %1 个连接；批量接入无法检查其中是否已有连接。</translation>
    </message>
</context>
<context>
    <name>das::BatchRowReader</name>
    <message>
        <source>Give the instance as instance_id or instance_name.</source>
        <translation>请通过 instance_id 或 instance_name 指定实例。</translation>
    </message>
    <message>
        <source>Give the nodes as node_ids or node_names, not both.</source>
        <translation>请通过 node_ids 或 node_names 指定节点，不能同时使用两者。</translation>
    </message>
    <message>
        <source>%1 must be true or false (yes/no and 1/0 work too).</source>
        <translation>%1必须为 true 或 false（也可使用 yes/no 或 1/0）。</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>skip (exists: %1)</source>
        <translation>跳过（已存在：%1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>invalid (row %1, %2)</source>
        <translation>无效（第 %1 行，%2）</translation>
    </message>
    <message>
        <source>Duplicate of row %1: the same instance, username and database name.</source>
        <translation>与第 %1 行重复：实例、用户名和数据库名称均相同。</translation>
    </message>
</context>
<context>
    <name>das::BatchRunner</name>
    <message>
        <source>The report cannot be written to %1: %2</source>
        <translation>无法将报告写入 %1：%2</translation>
    </message>
    <message>
        <source>Left out of this run.</source>
        <translation>已从本次执行中排除。</translation>
    </message>
    <message>
        <source>Not started: the run was stopped.</source>
        <translation>未开始：执行已停止。</translation>
    </message>
    <message>
        <source>Throttled, and not sent again: the run was stopped.</source>
        <translation>被限流，且未再次发送：执行已停止。</translation>
    </message>
    <message>
        <source>Give the password of %1 with --password-stdin or --passwords-file, or when the window asks for it, and apply the rows not created again.</source>
        <translation>请通过 --password-stdin 或 --passwords-file，或在窗口询问时提供 %1 的密码，然后再次执行未创建的行。</translation>
    </message>
    <message>
        <source>No password for this row, and the OS keychain is not available. %1</source>
        <translation>此行没有密码，且系统钥匙串不可用。%1</translation>
    </message>
    <message>
        <source>No password for this row, and the OS keychain holds none saved for it.</source>
        <translation>此行没有密码，且系统钥匙串中没有为其保存的密码。</translation>
    </message>
    <message>
        <source>No password for this row, and the OS keychain could not be read: %1</source>
        <translation>此行没有密码，且无法读取系统钥匙串：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 Still throttled after %n attempts.</source>
        <translation>
            <numerusform>%1 尝试 %n 次后仍被限流。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>das::BatchTableModel</name>
    <message>
        <source>sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>skipped (exists: %1)</source>
        <translation>已跳过（已存在：%1）</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>excluded, not run</source>
        <translation>已排除，未执行</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未执行</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>skip (exists: %1)</source>
        <translation>跳过（已存在：%1）</translation>
    </message>
    <message>
        <source>create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Left out: this row is not sent.</source>
        <translation>已排除：此行不会发送。</translation>
    </message>
    <message>
        <source>Sent when the batch is applied.</source>
        <translation>执行批量操作时发送。</translation>
    </message>
    <message>
        <source>Instance ID: %1</source>
        <translation>实例ID：%1</translation>
    </message>
    <message>
        <source>Instance name: %1</source>
        <translation>实例名称：%1</translation>
    </message>
    <message>
        <source>Node IDs: %1</source>
        <translation>节点ID：%1</translation>
    </message>
    <message>
        <source>Clear to leave a row out: it is not sent and is reported as not run.</source>
        <translation>取消勾选即可排除该行：该行不会发送，并在报告中记为未执行。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>das::BoundedRead</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a pipe, device or directory is not read).</source>
        <translation>%1 不是普通文件（不读取管道、设备或目录）。</translation>
    </message>
    <message>
        <source>%1 is larger than %2; it is not read.</source>
        <translation>%1 大于 %2；不予读取。</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters; it is not read.</source>
        <translation>%1 超过 %2 个字符；不予读取。</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
</context>
<context>
    <name>das::ConnectionActions</name>
    <message>
        <source>Asking DAS about 1 earlier create…</source>
        <translation>正在向 DAS 查询 1 次先前创建的结果…</translation>
    </message>
    <message>
        <source>Asking DAS about %1 earlier creates…</source>
        <translation>正在向 DAS 查询 %1 次先前创建的结果…</translation>
    </message>
    <message>
        <source>Could not resolve earlier creates against DAS: %1</source>
        <translation>无法通过 DAS 确认先前创建的结果：%1</translation>
    </message>
    <message>
        <source>Resolved 1 earlier create against DAS.</source>
        <translation>已通过 DAS 确认 1 次先前创建的结果。</translation>
    </message>
    <message>
        <source>Resolved %1 earlier creates against DAS.</source>
        <translation>已通过 DAS 确认 %1 次先前创建的结果。</translation>
    </message>
    <message>
        <source>1 earlier create left unknown: several connections on DAS match.</source>
        <translation>1 次先前创建的结果仍未知：DAS 上有多个匹配的连接。</translation>
    </message>
    <message>
        <source>%1 earlier creates left unknown: several connections on DAS match.</source>
        <translation>%1 次先前创建的结果仍未知：DAS 上有多个匹配的连接。</translation>
    </message>
    <message>
        <source>1 selected row holds no connection that exists on DAS.</source>
        <translation>有 1 个所选行没有 DAS 上现存的连接。</translation>
    </message>
    <message>
        <source>%1 selected rows hold no connection that exists on DAS.</source>
        <translation>有 %1 个所选行没有 DAS 上现存的连接。</translation>
    </message>
    <message>
        <source>1 selected row is of another endpoint or project: choose that target in the form to delete its connection.</source>
        <translation>有 1 个所选行属于其他终端节点或项目：请在表单中选择该目标后再删除其连接。</translation>
    </message>
    <message>
        <source>%1 selected rows are of another endpoint or project: choose that target in the form to delete their connections.</source>
        <translation>有 %1 个所选行属于其他终端节点或项目：请在表单中选择相应目标后再删除其连接。</translation>
    </message>
    <message>
        <source>Delete on DAS</source>
        <translation>在 DAS 上删除</translation>
    </message>
    <message>
        <source>Nothing to delete on DAS.</source>
        <translation>DAS 上没有要删除的连接。</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>Tear down demo connections</source>
        <translation>清理演示连接</translation>
    </message>
</context>
<context>
    <name>das::ConnectionDeleter</name>
    <message>
        <source>“%1” is not a connection ID.</source>
        <translation>“%1”不是连接ID。</translation>
    </message>
    <message>
        <source>A project ID is needed to delete connections.</source>
        <translation>删除连接需要项目ID。</translation>
    </message>
    <message>
        <source>Deleted on DAS, but the history was not updated: %1</source>
        <translation>已在 DAS 上删除，但历史记录未更新：%1</translation>
    </message>
    <message>
        <source>the result of a delete</source>
        <translation>删除结果</translation>
    </message>
    <message>
        <source>DAS answered that the connections were not deleted.</source>
        <translation>DAS 响应称连接未被删除。</translation>
    </message>
    <message numerus="yes">
        <source>The answer to a delete was lost: %n connection(s) may or may not have been deleted. List the connections again to see.</source>
        <translation>
            <numerusform>删除请求的响应丢失：%n 个连接可能已删除，也可能未删除。请重新列出连接以确认。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>das::ConnectionForm</name>
    <message>
        <source>Show password</source>
        <translation>显示密码</translation>
    </message>
    <message>
        <source>Hide password</source>
        <translation>隐藏密码</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose the database engine…</source>
        <translation>选择数据库引擎…</translation>
    </message>
    <message>
        <source>Choose the network type…</source>
        <translation>选择网络类型…</translation>
    </message>
    <message>
        <source>Built-in sandbox (%1)</source>
        <translation>内置沙箱（%1）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Custom endpoint…</source>
        <translation>自定义终端节点…</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>终端节点</translation>
    </message>
    <message>
        <source>Still needed: %1.</source>
        <translation>尚需填写：%1。</translation>
    </message>
    <message>
        <source>To fix: %1.</source>
        <translation>需修正：%1。</translation>
    </message>
    <message>
        <source>No credentials for this target.</source>
        <translation>此目标没有可用的凭证。</translation>
    </message>
    <message>
        <source>Ready to create. Press Enter or click Create connection.</source>
        <translation>可以创建。按 Enter 或单击“创建连接”。</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Example connection created from DAS Connect</source>
        <translation>由 DAS Connect 创建的示例连接</translation>
    </message>
    <message>
        <source>The built-in sandbox uses its demo key.</source>
        <translation>内置沙箱使用其演示密钥。</translation>
    </message>
    <message>
        <source>Environment variables (HUAWEICLOUD_SDK_*)</source>
        <translation>环境变量（HUAWEICLOUD_SDK_*）</translation>
    </message>
    <message>
        <source>A saved password for this user and instance is in the OS keychain.</source>
        <translation>系统钥匙串中有此用户和实例的已保存密码。</translation>
    </message>
    <message>
        <source>Password filled from the OS keychain.</source>
        <translation>已从系统钥匙串填入密码。</translation>
    </message>
    <message>
        <source>Pick the instance from the list DAS has (%1)</source>
        <translation>从 DAS 的实例列表中选择（%1）</translation>
    </message>
    <message>
        <source>Find the project of this region with IAM (GET /v3/projects)</source>
        <translation>通过 IAM 查找此区域的项目（GET /v3/projects）</translation>
    </message>
    <message>
        <source>Creating the connection… Press Esc or Cancel to stop.</source>
        <translation>正在创建连接… 按 Esc 或“取消”停止。</translation>
    </message>
    <message>
        <source>The OS keychain is not available here.</source>
        <translation>此处无法使用系统钥匙串。</translation>
    </message>
    <message>
        <source>Cannot remember it here: %1</source>
        <translation>无法在此处保存密码：%1</translation>
    </message>
    <message>
        <source>Fill in the fields marked * to create the connection.</source>
        <translation>请填写标有 * 的字段以创建连接。</translation>
    </message>
</context>
<context>
    <name>das::ConnectionList</name>
    <message>
        <source>A project ID is needed to list connections.</source>
        <translation>列出连接需要项目ID。</translation>
    </message>
</context>
<context>
    <name>das::ConnectionParser</name>
    <message>
        <source>the field %1 is not a whole number</source>
        <translation>字段 %1 不是整数</translation>
    </message>
    <message>
        <source>the field %1 is not true or false</source>
        <translation>字段 %1 不是 true 或 false</translation>
    </message>
    <message>
        <source>connection %1 has no usable connection_id</source>
        <translation>第 %1 个连接没有可用的 connection_id</translation>
    </message>
    <message>
        <source>the field total_record is missing or out of range</source>
        <translation>字段 total_record 缺失或超出范围</translation>
    </message>
    <message>
        <source>the field status is missing or not true or false</source>
        <translation>字段 status 缺失或不是 true 或 false</translation>
    </message>
</context>
<context>
    <name>das::ConnectionReader</name>
    <message>
        <source>a list of connections</source>
        <translation>连接列表</translation>
    </message>
</context>
<context>
    <name>das::ConnectionTableModel</name>
    <message>
        <source>Instance deleted</source>
        <translation>实例已删除</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Connection ID: %1</source>
        <translation>连接ID：%1</translation>
    </message>
    <message>
        <source>Instance ID: %1</source>
        <translation>实例ID：%1</translation>
    </message>
    <message>
        <source>%1 (%2 UTC)</source>
        <translation>%1（%2 UTC）</translation>
    </message>
    <message>
        <source>DAS reports that the instance of this connection was deleted.</source>
        <translation>DAS 报告此连接的实例已被删除。</translation>
    </message>
    <message>
        <source>The local history holds this connection too.</source>
        <translation>本地历史记录中也有此连接。</translation>
    </message>
    <message>
        <source>The local history does not hold this connection.</source>
        <translation>本地历史记录中没有此连接。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>In history</source>
        <translation>在历史记录中</translation>
    </message>
    <message>
        <source>Adopted from the list of connections on DAS</source>
        <translation>从 DAS 上的连接列表纳入</translation>
    </message>
</context>
<context>
    <name>das::ConnectionsPane</name>
    <message>
        <source>Reading the credentials from the OS keychain…</source>
        <translation>正在从系统钥匙串读取凭证…</translation>
    </message>
    <message>
        <source>Asking DAS for the connections of project %1…</source>
        <translation>正在向 DAS 查询项目 %1 的连接…</translation>
    </message>
    <message>
        <source>No connection on DAS matches these filters.</source>
        <translation>DAS 上没有符合这些筛选条件的连接。</translation>
    </message>
    <message>
        <source>DAS lists no connections in project %1.</source>
        <translation>DAS 中项目 %1 没有连接。</translation>
    </message>
    <message numerus="yes">
        <source>DAS lists %n connection(s) in project %1.</source>
        <translation>
            <numerusform>DAS 中项目 %1 有 %n 个连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose Refresh to list the connections DAS holds for the project.</source>
        <translation>选择“刷新”可列出 DAS 中该项目的连接。</translation>
    </message>
    <message numerus="yes">
        <source>Added %n connection(s) to the history.</source>
        <translation>
            <numerusform>已将 %n 个连接添加到历史记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not add to the history: %1</source>
        <translation>无法添加到历史记录：%1</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n connection(s) on DAS.</source>
        <translation>
            <numerusform>已在 DAS 上删除 %n 个连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3</source>
        <translation>第 %1 页，共 %2 页 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Adopt into history</source>
        <translation>纳入历史记录(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete on DAS…</source>
        <translation>在 DAS 上删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Tear down…</source>
        <translation>清理(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>das::CreateCommandLine</name>
    <message>
        <source>Type the database password when asked (it is not shown); it goes to the command through a pipe, never on its command line.</source>
        <translation>出现提示时输入数据库密码（输入内容不会显示）；密码通过管道传给命令，绝不会出现在命令行中。</translation>
    </message>
</context>
<context>
    <name>das::CreateFlow</name>
    <message>
        <source>The last create&apos;s outcome is unknown: the connection may already exist on DAS. Create anyway?</source>
        <translation>上次创建的结果未知：该连接可能已存在于 DAS 上。仍要创建吗？</translation>
    </message>
    <message>
        <source>This connection was just created (ID %1). Create another identical one?</source>
        <translation>此连接刚刚已创建（ID %1）。要再创建一个相同的连接吗？</translation>
    </message>
    <message>
        <source>Create &amp;anyway</source>
        <translation>仍然创建(&amp;A)</translation>
    </message>
    <message>
        <source>Create &amp;another</source>
        <translation>再创建一个(&amp;A)</translation>
    </message>
    <message>
        <source>Create again?</source>
        <translation>再次创建？</translation>
    </message>
    <message>
        <source>Saving the password in the OS keychain…</source>
        <translation>正在将密码保存到系统钥匙串…</translation>
    </message>
    <message>
        <source>The password was saved in the OS keychain and read back to confirm.</source>
        <translation>密码已保存到系统钥匙串，并已读回确认。</translation>
    </message>
    <message>
        <source>The connection was created, but the password was not saved: %1</source>
        <translation>连接已创建，但密码未保存：%1</translation>
    </message>
    <message>
        <source> Copy the ID now.</source>
        <translation>请立即复制ID。</translation>
    </message>
    <message>
        <source>Connection %1 created.</source>
        <translation>连接 %1 已创建。</translation>
    </message>
    <message>
        <source>Using the existing connection %1.</source>
        <translation>使用已有连接 %1。</translation>
    </message>
    <message>
        <source>Connection %1 created (confirmed on DAS).</source>
        <translation>连接 %1 已创建（已在 DAS 上确认）。</translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <translation>%1：%3 上的 %2</translation>
    </message>
    <message>
        <source>%1: %2 on %3, created %4</source>
        <translation>%1：%3 上的 %2，创建于 %4</translation>
    </message>
    <message>
        <source>A matching connection already exists on DAS</source>
        <translation>DAS 上已存在匹配的连接</translation>
    </message>
    <message>
        <source>DAS already has a connection with this instance, user name and database name:</source>
        <translation>DAS 上已有实例、用户名和数据库名称均相同的连接：</translation>
    </message>
    <message>
        <source>Use the existing connection, or create another identical one?</source>
        <translation>使用已有连接，还是再创建一个相同的连接？</translation>
    </message>
    <message>
        <source>Use existing takes the first one listed.</source>
        <translation>“使用已有连接”将使用列出的第一个连接。</translation>
    </message>
    <message>
        <source>Connection already exists</source>
        <translation>连接已存在</translation>
    </message>
    <message>
        <source>&amp;Use existing</source>
        <translation>使用已有连接(&amp;U)</translation>
    </message>
    <message>
        <source>Could not check DAS for an existing connection</source>
        <translation>无法在 DAS 上检查是否已有该连接</translation>
    </message>
    <message>
        <source>Duplicate check failed</source>
        <translation>重复检查失败</translation>
    </message>
    <message>
        <source>Create the connection anyway, without knowing whether it exists already?</source>
        <translation>无法确定该连接是否已存在，仍要创建吗？</translation>
    </message>
    <message>
        <source>there is no OS keychain here.</source>
        <translation>此处没有系统钥匙串。</translation>
    </message>
</context>
<context>
    <name>das::CreateSession</name>
    <message>
        <source>Profiles are not available here.</source>
        <translation>此处无法使用配置项。</translation>
    </message>
    <message>
        <source>The credentials of profile “%1” could not be read: %2 Nothing was sent.</source>
        <translation>无法读取配置项“%1”的凭证：%2未发送任何内容。</translation>
    </message>
    <message>
        <source>the OS keychain is not available here.</source>
        <translation>此处无法使用系统钥匙串。</translation>
    </message>
    <message>
        <source>saving it was cancelled; the keychain may or may not hold it now.</source>
        <translation>保存操作已取消；钥匙串中现在可能有也可能没有该密码。</translation>
    </message>
    <message>
        <source>Cancelled before anything was sent.</source>
        <translation>已取消，未发送任何内容。</translation>
    </message>
    <message>
        <source>The history row of this create could not be updated: %1.</source>
        <translation>无法更新此次创建的历史记录行：%1。</translation>
    </message>
    <message>
        <source>an existing connection, chosen instead of creating a duplicate</source>
        <translation>已有连接，为避免重复创建而选用</translation>
    </message>
    <message>
        <source>Not recorded in the history: %1.</source>
        <translation>未记入历史记录：%1。</translation>
    </message>
    <message>
        <source>The history is not available, so this is not recorded.</source>
        <translation>历史记录不可用，因此未记录此操作。</translation>
    </message>
    <message>
        <source>The check on DAS was cancelled; the next start of DAS Connect or `das-connect-cli reconcile` asks again.</source>
        <translation>在 DAS 上的检查已取消；下次启动 DAS Connect 或运行 `das-connect-cli reconcile` 时会再次查询。</translation>
    </message>
    <message>
        <source>Could not check DAS for an existing connection, so nothing was created: %1</source>
        <translation>无法在 DAS 上检查是否已有该连接，因此未创建任何内容：%1</translation>
    </message>
    <message>
        <source>A connection with this instance, user name and database name already exists on DAS (%1); nothing was created.</source>
        <translation>DAS 上已存在实例、用户名和数据库名称均相同的连接（%1）；未创建任何内容。</translation>
    </message>
    <message>
        <source>An existing connection was used; nothing was created.</source>
        <translation>已使用已有连接；未创建任何内容。</translation>
    </message>
    <message>
        <source>DAS could not be asked whether it was created (%1); the next start of DAS Connect or `das-connect-cli reconcile` asks again.</source>
        <translation>无法向 DAS 查询连接是否已创建（%1）；下次启动 DAS Connect 或运行 `das-connect-cli reconcile` 时会再次查询。</translation>
    </message>
    <message>
        <source>Created (confirmed on DAS): the answer was lost, but DAS lists the new connection.</source>
        <translation>已创建（已在 DAS 上确认）：响应丢失，但 DAS 列出了新连接。</translation>
    </message>
    <message>
        <source>Not created: the answer was lost and DAS lists no such connection, so it is safe to create it again.</source>
        <translation>未创建：响应丢失，且 DAS 上没有该连接，因此可以放心重新创建。</translation>
    </message>
    <message>
        <source>Outcome unknown: the answer was lost and several connections on DAS match (%1). Check them before creating again.</source>
        <translation>结果未知：响应丢失，且 DAS 上有多个匹配的连接（%1）。请先检查这些连接，再决定是否重新创建。</translation>
    </message>
    <message>
        <source>Nothing was sent: the history could not record this create first (%1).</source>
        <translation>未发送任何内容：历史记录未能预先记录此次创建（%1）。</translation>
    </message>
    <message>
        <source>DAS lists more than %1 connections for this instance.</source>
        <translation>DAS 上此实例的连接超过 %1 个。</translation>
    </message>
</context>
<context>
    <name>das::CredentialResolver</name>
    <message>
        <source>The environment variable %1 is empty or not set.</source>
        <translation>环境变量 %1 为空或未设置。</translation>
    </message>
    <message>
        <source>IAM token from the environment variable %1</source>
        <translation>来自环境变量 %1 的 IAM 令牌</translation>
    </message>
    <message>
        <source>Temporary AK %1 with security token, from the environment</source>
        <translation>来自环境变量的临时 AK %1（含安全令牌）</translation>
    </message>
    <message>
        <source>AK %1 from the environment (HUAWEICLOUD_SDK_AK)</source>
        <translation>来自环境变量的 AK %1（HUAWEICLOUD_SDK_AK）</translation>
    </message>
    <message>
        <source>No cloud credentials: choose a profile, or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials).</source>
        <translation>没有云凭证：请选择一个配置项，或设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK（临时凭证还需设置 HUAWEICLOUD_SDK_SECURITY_TOKEN）。</translation>
    </message>
    <message>
        <source>Sandbox demo key %1</source>
        <translation>沙箱演示密钥 %1</translation>
    </message>
    <message>
        <source>No credentials: the built-in sandbox is not running; start it from the Sandbox menu.</source>
        <translation>没有凭证：内置沙箱未运行；请从“沙箱”菜单启动它。</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>不存在名为“%1”的配置项。</translation>
    </message>
    <message>
        <source>Profile “%1”: IAM token in the OS keychain</source>
        <translation>配置项“%1”：IAM 令牌保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Profile “%1”: AK %2, secrets in the OS keychain</source>
        <translation>配置项“%1”：AK %2，机密信息保存在系统钥匙串中</translation>
    </message>
</context>
<context>
    <name>das::DasClient</name>
    <message>
        <source>CA file %1 holds no PEM certificate.</source>
        <translation>CA 文件 %1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>Timeouts and the response size limit must be positive.</source>
        <translation>超时时间和响应大小上限必须为正数。</translation>
    </message>
    <message>
        <source>The request is not valid; nothing was sent.</source>
        <translation>请求无效；未发送任何内容。</translation>
    </message>
    <message>
        <source>Cloud credentials are incomplete: an AK and SK (and a security token for temporary credentials), or an IAM token, are required.</source>
        <translation>云凭证不完整：需要 AK 和 SK（临时凭证还需要安全令牌），或者 IAM 令牌。</translation>
    </message>
    <message>
        <source>CA file: %1</source>
        <translation>CA 文件：%1</translation>
    </message>
</context>
<context>
    <name>das::DatabaseNameList</name>
    <message>
        <source>a list of database names</source>
        <translation>数据库名称列表</translation>
    </message>
</context>
<context>
    <name>das::DeleteConnectionsDialog</name>
    <message>
        <source>Reading the credentials from the OS keychain…</source>
        <translation>正在从系统钥匙串读取凭证…</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %1 on DAS from %2: %3?</source>
        <translation>要在 DAS 上删除 %2（%3）中的 %1吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n 个实例</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2 (ID %3)</source>
        <translation>%2 上的 %1（ID %3）</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n connection(s) on DAS…</source>
        <translation>
            <numerusform>正在 DAS 上删除 %n 个连接…</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting connections on DAS… %1 of %2 done.</source>
        <translation>正在 DAS 上删除连接… 已完成 %1 个，共 %2 个。</translation>
    </message>
    <message numerus="yes">
        <source>Deleted on DAS: %n connection(s).</source>
        <translation>
            <numerusform>已在 DAS 上删除：%n 个连接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uncertain: %n connection(s) may or may not have been deleted; refresh the list to see.</source>
        <translation>
            <numerusform>不确定：%n 个连接可能已删除，也可能未删除；请刷新列表查看。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not sent: %n connection(s) are still on DAS.</source>
        <translation>
            <numerusform>未发送：%n 个连接仍在 DAS 上。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>das::DiscoveryActions</name>
    <message>
        <source>Project %1 of %2 found through IAM.</source>
        <translation>已通过 IAM 找到 %2 的项目 %1。</translation>
    </message>
    <message>
        <source>Project lookup</source>
        <translation>项目查找</translation>
    </message>
    <message>
        <source>Enter the project ID first (or use Look up): DAS lists the instances of one project.</source>
        <translation>请先输入项目 ID（或使用“查找”）：DAS 按项目列出实例。</translation>
    </message>
    <message>
        <source>Pick an instance</source>
        <translation>选择实例</translation>
    </message>
    <message>
        <source>Instance %1 picked; network type set to %2 (change it if yours differs).</source>
        <translation>已选择实例 %1；网络类型已设为 %2（如不同请修改）。</translation>
    </message>
    <message>
        <source>Choose a region: a custom endpoint has no region to look the project up for.</source>
        <translation>请选择区域：自定义终端节点没有可用于查找项目的区域。</translation>
    </message>
    <message>
        <source>IAM endpoint: %1</source>
        <translation>IAM 终端节点：%1</translation>
    </message>
    <message>
        <source>Looking up the project of %1 through IAM (%2)…</source>
        <translation>正在通过 IAM（%2）查找 %1 的项目…</translation>
    </message>
</context>
<context>
    <name>das::DiscoveryParser</name>
    <message>
        <source>the field %1 is not a string</source>
        <translation>字段 %1 不是字符串</translation>
    </message>
    <message>
        <source>the field %1 is missing or not a list</source>
        <translation>字段 %1 缺失或不是列表</translation>
    </message>
    <message>
        <source>item %1 of %2 is not an object</source>
        <translation>%2 的第 %1 项不是对象</translation>
    </message>
    <message>
        <source>project %1 has no usable id</source>
        <translation>项目 %1 没有可用的 ID</translation>
    </message>
    <message>
        <source>the field total_count is missing or not a number</source>
        <translation>字段 total_count 缺失或不是数字</translation>
    </message>
    <message>
        <source>item %1 of instance_list has a port that is not a number from 0 to 65535</source>
        <translation>instance_list 的第 %1 项的端口不是 0 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>item %1 of data is not a string</source>
        <translation>data 的第 %1 项不是字符串</translation>
    </message>
</context>
<context>
    <name>das::EndpointProbe</name>
    <message>
        <source>&quot;%1&quot; is not an http(s) endpoint URL.</source>
        <translation>“%1”不是 http(s) 终端节点 URL。</translation>
    </message>
    <message>
        <source>Endpoint %1 answered HTTP %2 in %3 ms (%4).</source>
        <translation>终端节点 %1 在 %3 毫秒内返回了 HTTP %2（%4）。</translation>
    </message>
    <message>
        <source>reachable; TLS verified</source>
        <translation>可访问；TLS 已验证</translation>
    </message>
    <message>
        <source>reachable; plain HTTP on loopback</source>
        <translation>可访问；环回地址上的明文 HTTP</translation>
    </message>
    <message>
        <source>Endpoint %1 refused the connection: nothing is listening on port %2 of %3.</source>
        <translation>终端节点 %1 拒绝连接：%3 的 %2 端口上没有服务在监听。</translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved (DNS failure): check the region or endpoint, the network and the proxy settings.</source>
        <translation>无法解析主机名 %1（DNS 失败）：请检查区域或终端节点、网络及代理设置。</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed: the server certificate is not trusted or does not match the host name%2.</source>
        <translation>与 %1 的安全（TLS）连接失败：服务器证书不受信任或与主机名不匹配%2。</translation>
    </message>
    <message>
        <source>Endpoint %1 did not answer within %2 seconds.</source>
        <translation>终端节点 %1 在 %2 秒内未响应。</translation>
    </message>
    <message>
        <source>Endpoint %1 closed the connection without answering.</source>
        <translation>终端节点 %1 未响应就关闭了连接。</translation>
    </message>
    <message>
        <source>The proxy could not be used to reach %1 (%2).</source>
        <translation>无法通过代理访问 %1（%2）。</translation>
    </message>
    <message>
        <source>Endpoint %1 could not be reached: %2.</source>
        <translation>无法访问终端节点 %1：%2。</translation>
    </message>
    <message>
        <source>The probe has no network client.</source>
        <translation>探测没有可用的网络客户端。</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>das::FormTemplate</name>
    <message>
        <source>A create is running; use the template when it has finished.</source>
        <translation>正在进行创建；请在完成后再使用模板。</translation>
    </message>
    <message>
        <source>Replace the form?</source>
        <translation>要替换表单吗？</translation>
    </message>
    <message>
        <source>The form holds edits that were not sent. Fill it from this history row instead? What you typed, the password included, is lost.</source>
        <translation>表单中有尚未发送的编辑内容。要改为根据此历史记录行填写表单吗？您输入的内容（包括密码）将会丢失。</translation>
    </message>
    <message>
        <source>&amp;Replace the form</source>
        <translation>替换表单(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep my edits</source>
        <translation>保留我的编辑(&amp;K)</translation>
    </message>
</context>
<context>
    <name>das::HelpActions</name>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>On DAS</source>
        <translation>DAS 上的连接</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>(see the window)</source>
        <translation>（见窗口）</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>转到 %1</translation>
    </message>
</context>
<context>
    <name>das::HistoryExporter</name>
    <message>
        <source>The history could not be read.</source>
        <translation>无法读取历史记录。</translation>
    </message>
</context>
<context>
    <name>das::HistoryPane</name>
    <message>
        <source>No rows are selected.</source>
        <translation>未选择任何行。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported 1 connection to %1.</source>
        <translation>已将 1 个连接导出到 %1。</translation>
    </message>
    <message>
        <source>Exported %1 connections to %2.</source>
        <translation>已将 %1 个连接导出到 %2。</translation>
    </message>
    <message>
        <source>Copied 1 connection ID.</source>
        <translation>已复制 1 个连接ID。</translation>
    </message>
    <message>
        <source>Copied %1 connection IDs.</source>
        <translation>已复制 %1 个连接ID。</translation>
    </message>
    <message>
        <source>Delete from history</source>
        <translation>从历史记录中删除</translation>
    </message>
    <message>
        <source>The rows could not be deleted from the history.</source>
        <translation>无法从历史记录中删除这些行。</translation>
    </message>
    <message>
        <source>Deleted 1 connection from the history.</source>
        <translation>已从历史记录中删除 1 个连接。</translation>
    </message>
    <message>
        <source>Deleted %1 connections from the history.</source>
        <translation>已从历史记录中删除 %1 个连接。</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>&amp;Copy Connection ID</source>
        <translation>复制连接ID(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Use as Template</source>
        <translation>用作模板(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Export selected as CSV…</source>
        <translation>将所选项导出为 CSV…</translation>
    </message>
    <message>
        <source>Export selected as JSON…</source>
        <translation>将所选项导出为 JSON…</translation>
    </message>
    <message>
        <source>Export all as CSV…</source>
        <translation>全部导出为 CSV…</translation>
    </message>
    <message>
        <source>Export all as JSON…</source>
        <translation>全部导出为 JSON…</translation>
    </message>
    <message>
        <source>%1 of %2 connections</source>
        <translation>%1 个连接（共 %2 个）</translation>
    </message>
    <message>
        <source>1 connection</source>
        <translation>1 个连接</translation>
    </message>
    <message>
        <source>%1 connections</source>
        <translation>%1 个连接</translation>
    </message>
    <message>
        <source>%1 of %2 loaded</source>
        <translation>已加载 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>Delete 1 connection from the local history?</source>
        <translation>要从本地历史记录中删除 1 个连接吗？</translation>
    </message>
    <message>
        <source>Delete %1 connections from the local history?</source>
        <translation>要从本地历史记录中删除 %1 个连接吗？</translation>
    </message>
    <message>
        <source>The connections themselves stay in DAS; only this computer&apos;s record of them is removed.</source>
        <translation>DAS 中的连接本身不受影响，只删除本机上的记录。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete on D&amp;AS…</source>
        <extracomment>Context menu of the history; &quot;Delete…&quot; above it only removes rows from the history.</extracomment>
        <translation>在 DAS 上删除(&amp;A)…</translation>
    </message>
    <message>
        <source>Find in history</source>
        <translation>在历史记录中查找</translation>
    </message>
    <message>
        <source>Restore default columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <source>No connection matches “%1”.
Clear the filter (Esc) to see all connections.</source>
        <translation>没有与“%1”匹配的连接。
清除筛选条件（Esc）即可查看所有连接。</translation>
    </message>
    <message>
        <source>No connections yet — connections created in this window or with das-connect-cli are listed here.</source>
        <translation>尚无连接 — 在此窗口中或使用 das-connect-cli 创建的连接将在此列出。</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>正在加载历史记录…</translation>
    </message>
    <message>
        <source>Counting matches…</source>
        <extracomment>Shown instead of &quot;N of M connections&quot; while the rows matching the filter are counted. Short: the filter box beside it shrinks to make room.</extracomment>
        <translation>正在统计匹配项…</translation>
    </message>
</context>
<context>
    <name>das::HistoryReconciliation</name>
    <message>
        <source>The history is not available.</source>
        <translation>历史记录不可用。</translation>
    </message>
    <message>
        <source>The history row could not be updated: %1</source>
        <translation>无法更新历史记录行：%1</translation>
    </message>
    <message>
        <source>DAS lists more than %1 connections for instance %2; its creates cannot be looked for among them.</source>
        <translation>DAS 上实例 %2 的连接超过 %1 个，无法在其中查找该实例先前创建的连接。</translation>
    </message>
</context>
<context>
    <name>das::HistoryTableModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <translation>%1（UTC %2）</translation>
    </message>
    <message>
        <source>%1
Region: %2</source>
        <translation>%1
区域：%2</translation>
    </message>
    <message>
        <source>Project: %1
Instance: %2</source>
        <translation>项目：%1
实例：%2</translation>
    </message>
    <message>
        <source>Nodes: %1</source>
        <translation>节点：%1</translation>
    </message>
    <message>
        <source>Port: %1</source>
        <translation>端口：%1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Engine: %1
Network: %2</source>
        <translation>引擎：%1
网络：%2</translation>
    </message>
    <message>
        <source>Connection ID: %1
Request ID: %2</source>
        <translation>连接ID：%1
请求ID：%2</translation>
    </message>
    <message>
        <source>The database password was not saved.</source>
        <translation>未保存数据库密码。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>终端节点</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Connection ID</source>
        <translation>连接ID</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Password saved</source>
        <translation>已保存密码</translation>
    </message>
    <message>
        <source>When the connection was created, in local time</source>
        <translation>连接的创建时间（本地时间）</translation>
    </message>
    <message>
        <source>The history database is not open.</source>
        <translation>历史数据库未打开。</translation>
    </message>
    <message>
        <source>The database password is in the OS keychain.</source>
        <translation>数据库密码已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Whether the database password was saved in the OS keychain</source>
        <translation>数据库密码是否已保存到系统钥匙串</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>未创建</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>%1 (existing)</source>
        <extracomment>%1 is a state such as &quot;Created&quot;; the connection existed before and was chosen instead of a duplicate create.</extracomment>
        <translation>%1（已有）</translation>
    </message>
    <message>
        <source>%1 (adopted)</source>
        <extracomment>%1 is a state such as &quot;Created&quot;; the connection was taken from the list of connections on DAS.</extracomment>
        <translation>%1（已纳入）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Whether the connection was created on DAS, and whether it still exists</source>
        <translation>连接是否已在 DAS 上创建，以及是否仍然存在</translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Node IDs</source>
        <translation>节点ID</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>请求ID</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>State detail</source>
        <translation>状态详情</translation>
    </message>
    <message>
        <source>When the state last changed, in local time</source>
        <translation>状态最后一次变化的时间（本地时间）</translation>
    </message>
</context>
<context>
    <name>das::IamEndpoint</name>
    <message>
        <source>the sandbox</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <source>sandbox: %1</source>
        <translation>沙箱：%1</translation>
    </message>
    <message>
        <source>the profile</source>
        <translation>配置项</translation>
    </message>
    <message>
        <source>profile IAM endpoint: %1</source>
        <translation>配置项的 IAM 终端节点：%1</translation>
    </message>
    <message>
        <source>built-in IAM region table</source>
        <translation>内置 IAM 区域表</translation>
    </message>
    <message>
        <source>global IAM endpoint</source>
        <translation>全局 IAM 终端节点</translation>
    </message>
</context>
<context>
    <name>das::InstanceCatalog</name>
    <message>
        <source>Unknown engine type “%1”: use mysql, sqlserver, postgresql, taurus, gaussdbv5, mongodb or ddm.</source>
        <translation>未知的引擎类型“%1”：请使用 mysql、sqlserver、postgresql、taurus、gaussdbv5、mongodb 或 ddm。</translation>
    </message>
    <message>
        <source>a list of instances</source>
        <translation>实例列表</translation>
    </message>
</context>
<context>
    <name>das::InstanceDetailsActions</name>
    <message>
        <source>Fill in the project, the instance and its engine type first (Browse… picks all three).</source>
        <translation>请先填写项目、实例及其引擎类型（“浏览…”可一次选好这三项）。</translation>
    </message>
</context>
<context>
    <name>das::InstancePickerDialog</name>
    <message>
        <source>Reading the credentials from the OS keychain…</source>
        <translation>正在从系统钥匙串读取凭证…</translation>
    </message>
    <message>
        <source>Asking DAS for the instances of project %1…</source>
        <translation>正在向 DAS 查询项目 %1 的实例…</translation>
    </message>
    <message>
        <source>Loading %1 instances… %2 so far.</source>
        <translation>正在加载 %1 个实例… 已加载 %2 个。</translation>
    </message>
    <message>
        <source>Loading was cancelled. Choose Refresh to try again.</source>
        <translation>已取消加载。选择“刷新”可重试。</translation>
    </message>
    <message>
        <source>DAS lists no instances in project %1.</source>
        <translation>DAS 中项目 %1 没有实例。</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s).</source>
        <translation>
            <numerusform>%n 个实例。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 instances match “%3”.</source>
        <translation>%2 个实例中有 %1 个匹配“%3”。</translation>
    </message>
    <message>
        <source>Some engines have more instances than DAS lists at once; only the first %1 of each are shown.</source>
        <translation>部分引擎的实例数超过 DAS 一次列出的上限；每种只显示前 %1 个。</translation>
    </message>
    <message>
        <source>DAS connections cannot be made to %1 instances; pick another one.</source>
        <translation>无法为 %1 实例创建 DAS 连接；请选择其他实例。</translation>
    </message>
</context>
<context>
    <name>das::InstanceTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation>实例 ID</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
</context>
<context>
    <name>das::MainWindow</name>
    <message>
        <source>Sandbox</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <source>Form filled from the history; enter the password.</source>
        <translation>已根据历史记录填写表单，请输入密码。</translation>
    </message>
    <message>
        <source>Built-in sandbox running at %1</source>
        <translation>内置沙箱正在 %1 上运行</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <source>Requests go to the built-in sandbox at %1, not to Huawei Cloud.</source>
        <translation>请求将发送到位于 %1 的内置沙箱，而不是华为云。</translation>
    </message>
    <message>
        <source>Sandbox mode</source>
        <translation>沙箱模式</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Sandbox fault mode: %1</source>
        <translation>沙箱故障模式：%1</translation>
    </message>
    <message>
        <source>A create request is still running. If you quit now, whether the connection was created stays unknown. Quit anyway?</source>
        <translation>创建请求仍在进行中。如果现在退出，将无法确定连接是否已创建。仍要退出吗？</translation>
    </message>
    <message>
        <source>Creation in progress</source>
        <translation>正在创建</translation>
    </message>
    <message>
        <source>SANDBOX · fault: %1</source>
        <translation>沙箱 · 故障：%1</translation>
    </message>
    <message>
        <source>Fault mode: %1</source>
        <translation>故障模式：%1</translation>
    </message>
    <message>
        <source>Sandbox — %1</source>
        <translation>沙箱 — %1</translation>
    </message>
    <message>
        <source>Cancel the running create</source>
        <translation>取消正在进行的创建</translation>
    </message>
    <message>
        <source>Starting the built-in sandbox…</source>
        <translation>正在启动内置沙箱…</translation>
    </message>
</context>
<context>
    <name>das::ModuleLoader</name>
    <message>
        <source>the module %1 cannot be loaded: %2</source>
        <translation>无法加载模块 %1：%2</translation>
    </message>
    <message>
        <source>the module %1 is not installed for the programs in %2 (looked for %3)</source>
        <translation>模块 %1 未随 %2 中的程序安装（已查找 %3）</translation>
    </message>
</context>
<context>
    <name>das::NetworkJob</name>
    <message>
        <source>overall deadline of %1 ms reached</source>
        <translation>已达到 %1 毫秒的总时限</translation>
    </message>
    <message>
        <source>no data for %1 ms</source>
        <translation>%1 毫秒内未收到数据</translation>
    </message>
</context>
<context>
    <name>das::NodeIdListEditor</name>
    <message>
        <source>invalid node ID</source>
        <translation>无效的节点ID</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>Looking up the instance&apos;s nodes in DAS…</source>
        <translation>正在 DAS 中查找实例的节点…</translation>
    </message>
    <message>
        <source>Choose an instance, then look up its nodes in DAS to pick them.</source>
        <translation>请先选择实例，然后在 DAS 中查找其节点以进行选择。</translation>
    </message>
    <message>
        <source>DAS lists no nodes for this instance; type the node IDs instead.</source>
        <translation>DAS 中此实例没有节点；请直接输入节点 ID。</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) of this instance: check one to add its ID, uncheck to remove it.</source>
        <translation>
            <numerusform>此实例有 %n 个节点：勾选以添加其 ID，取消勾选以删除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>das::NodeList</name>
    <message>
        <source>An instance ID is needed.</source>
        <translation>需要实例 ID。</translation>
    </message>
    <message>
        <source>Unknown engine type “%1”: use mysql, sqlserver, postgresql, taurus, gaussdbv5, mongodb or ddm.</source>
        <translation>未知的引擎类型“%1”：请使用 mysql、sqlserver、postgresql、taurus、gaussdbv5、mongodb 或 ddm。</translation>
    </message>
    <message>
        <source>a list of nodes</source>
        <translation>节点列表</translation>
    </message>
</context>
<context>
    <name>das::OutcomeReconciler</name>
    <message>
        <source>could not ask DAS: %1</source>
        <translation>无法查询 DAS：%1</translation>
    </message>
    <message>
        <source>created (confirmed on DAS)</source>
        <translation>已创建（已在 DAS 上确认）</translation>
    </message>
    <message>
        <source>not created, safe to create again</source>
        <translation>未创建，可以放心重新创建</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) on DAS match: %1</source>
        <translation>
            <numerusform>DAS 上有 %n 个匹配的连接：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The history row could not be updated: %1</source>
        <translation>无法更新历史记录行：%1</translation>
    </message>
    <message>
        <source>The history row names no instance or project to look in.</source>
        <translation>该历史记录行未指明要查找的实例或项目。</translation>
    </message>
    <message>
        <source>DAS lists more than %1 connections for this instance; the create cannot be looked for among them.</source>
        <translation>DAS 上此实例的连接超过 %1 个，无法在其中查找此次创建的连接。</translation>
    </message>
</context>
<context>
    <name>das::PreviewDialog</name>
    <message>
        <source>This request is not valid; DAS would refuse it. Fix these first:</source>
        <translation>此请求无效，DAS 会拒绝它。请先修正以下问题：</translation>
    </message>
    <message>
        <source>%1 (entry %2)</source>
        <translation>%1（第 %2 项）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>das::ProfileEditDialog</name>
    <message>
        <source>New profile</source>
        <translation>新建配置项</translation>
    </message>
    <message>
        <source>Permanent AK/SK</source>
        <translation>永久 AK/SK</translation>
    </message>
    <message>
        <source>Temporary AK/SK with security token</source>
        <translation>临时 AK/SK（含安全令牌）</translation>
    </message>
    <message>
        <source>IAM token</source>
        <translation>IAM 令牌</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Custom endpoint…</source>
        <translation>自定义终端节点…</translation>
    </message>
    <message>
        <source>Edit profile &quot;%1&quot;</source>
        <translation>编辑配置项“%1”</translation>
    </message>
    <message>
        <source>Required; kept only in the OS keychain</source>
        <translation>必填，仅存于系统钥匙串</translation>
    </message>
    <message>
        <source>Stored in the OS keychain; leave empty to keep it</source>
        <translation>已存于系统钥匙串，留空则不变</translation>
    </message>
    <message>
        <source>Profile name: a profile named &quot;%1&quot; already exists; choose another name.</source>
        <translation>配置项名称：已存在名为“%1”的配置项，请使用其他名称。</translation>
    </message>
    <message>
        <source>Access key (AK) is required for AK/SK authentication.</source>
        <translation>AK/SK 认证需要填写访问密钥（AK）。</translation>
    </message>
    <message>
        <source>Access key (AK) must be at most %1 characters.</source>
        <translation>访问密钥（AK）不能超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Access key (AK) must not contain spaces or control characters.</source>
        <translation>访问密钥（AK）不能包含空格或控制字符。</translation>
    </message>
    <message>
        <source>Secret key (SK) is required for a new AK/SK profile.</source>
        <translation>新建 AK/SK 配置项时必须填写秘密访问密钥（SK）。</translation>
    </message>
    <message>
        <source>Secret key (SK)</source>
        <translation>秘密访问密钥 SK</translation>
    </message>
    <message>
        <source>Security token is required for temporary AK/SK credentials.</source>
        <translation>临时 AK/SK 凭证必须填写安全令牌。</translation>
    </message>
    <message>
        <source>Security token</source>
        <translation>安全令牌</translation>
    </message>
    <message>
        <source>IAM token is required for IAM token authentication.</source>
        <translation>IAM 令牌认证必须填写 IAM 令牌。</translation>
    </message>
    <message>
        <source>%1 must be at most %2 bytes.</source>
        <translation>%1不能超过 %2 字节。</translation>
    </message>
</context>
<context>
    <name>das::ProfileKeyTest</name>
    <message>
        <source>Keychain: %1</source>
        <translation>钥匙串：%1</translation>
    </message>
    <message>
        <source>Keychain: secrets readable.</source>
        <translation>钥匙串：机密信息可读取。</translation>
    </message>
    <message>
        <source>Credentials accepted: IAM at %1 answered a signed project lookup (endpoint reachable; nothing was created).</source>
        <translation>凭证已通过：%1 上的 IAM 响应了签名的项目查询（终端节点可达；未创建任何内容）。</translation>
    </message>
    <message>
        <source>Credentials accepted: DAS at %1 answered a signed instance list (endpoint reachable; nothing was created).</source>
        <translation>凭证已通过：%1 上的 DAS 响应了签名的实例列表请求（终端节点可达；未创建任何内容）。</translation>
    </message>
    <message>
        <source>Credentials rejected by %1: %2</source>
        <translation>凭证被 %1 拒绝：%2</translation>
    </message>
    <message>
        <source>Endpoint %1 unreachable: %2</source>
        <translation>终端节点 %1 不可达：%2</translation>
    </message>
    <message>
        <source>Credentials not confirmed: %1 answered with an error. %2</source>
        <translation>凭证未确认：%1 返回了错误。%2</translation>
    </message>
</context>
<context>
    <name>das::ProfileManager</name>
    <message>
        <source>secret key (SK)</source>
        <translation>秘密访问密钥（SK）</translation>
    </message>
    <message>
        <source>security token</source>
        <translation>安全令牌</translation>
    </message>
    <message>
        <source>IAM token</source>
        <translation>IAM 令牌</translation>
    </message>
    <message>
        <source>The keychain connection was closed before the operation finished; try again.</source>
        <translation>操作完成前与钥匙串的连接已关闭，请重试。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; needs a %2.</source>
        <translation>配置项“%1”需要%2。</translation>
    </message>
    <message>
        <source> and a </source>
        <translation>和</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no stored %2 in %3: enter it.</source>
        <translation>配置项“%1”在%3中没有已保存的%2：请输入。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not saved. %2</source>
        <translation>配置项“%1”未保存。%2</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved; its secrets are in %2.</source>
        <translation>配置项“%1”已保存，其机密信息保存在%2中。</translation>
    </message>
    <message>
        <source>The new %1 could not be taken back out of the keychain: %2</source>
        <translation>无法从钥匙串中撤回新写入的%1：%2</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation>不存在名为“%1”的配置项。</translation>
    </message>
    <message>
        <source>The keychain entries of profile &quot;%1&quot; were removed, but the settings file %2 could not be updated.</source>
        <translation>配置项“%1”的钥匙串条目已删除，但无法更新设置文件 %2。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; and its keychain entries were removed.</source>
        <translation>已删除配置项“%1”及其钥匙串条目。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was kept because its secrets could not be removed. %2</source>
        <translation>由于无法删除其机密信息，配置项“%1”已保留。%2</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is incomplete: edit it and enter its access key and secrets again.</source>
        <translation>配置项“%1”不完整：请编辑该配置项，重新输入访问密钥和机密信息。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no %2 in %3: edit the profile and enter it again.</source>
        <translation>配置项“%1”在%3中没有%2：请编辑该配置项并重新输入。</translation>
    </message>
    <message>
        <source>The secrets of profile &quot;%1&quot; could not be read. %2</source>
        <translation>无法读取配置项“%1”的机密信息。%2</translation>
    </message>
    <message>
        <source>Nothing was imported: there was nothing to import.</source>
        <translation>未导入任何内容：没有可导入的内容。</translation>
    </message>
    <message>
        <source>Nothing was imported. Profile &quot;%1&quot;: %2</source>
        <translation>未导入任何内容。配置项“%1”：%2</translation>
    </message>
    <message>
        <source>Nothing was imported: profile &quot;%1&quot; appears twice.</source>
        <translation>未导入任何内容：配置项“%1”出现了两次。</translation>
    </message>
    <message>
        <source>Nothing was imported: profile &quot;%1&quot; already exists.</source>
        <translation>未导入任何内容：配置项“%1”已存在。</translation>
    </message>
    <message>
        <source>The existing profile &quot;%1&quot; cannot be backed up before it is replaced, so it could not be put back if the import failed: %2 Remove that profile or fix the keychain first. Nothing was imported.</source>
        <translation>现有配置项“%1”在被替换前无法备份，导入失败时将无法恢复：%2请先删除该配置项或修复钥匙串。未导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>未导入任何内容。%1</translation>
    </message>
    <message>
        <source>The profiles this import had already saved (%1) were taken back.</source>
        <translation>本次导入已保存的配置项（%1）已撤回。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; could not be taken back: %2</source>
        <translation>无法撤回配置项“%1”：%2</translation>
    </message>
</context>
<context>
    <name>das::ProfileManagerDialog</name>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>未导入任何内容。%1</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置项</translation>
    </message>
    <message>
        <source>Region for imported profiles</source>
        <translation>导入配置项的区域</translation>
    </message>
    <message>
        <source>%1 name no region. Region to use (you can change it later by editing the profile):</source>
        <translation>%1 未指定区域。请选择要使用的区域（之后可编辑配置项进行修改）：</translation>
    </message>
    <message>
        <source>No profiles yet. Add one, or import the credentials another Huawei Cloud tool already has.</source>
        <translation>尚无配置项。请添加配置项，或导入其他华为云工具中已有的凭证。</translation>
    </message>
    <message>
        <source>No profile selected.</source>
        <translation>未选择配置项。</translation>
    </message>
    <message>
        <source>custom endpoint %1</source>
        <translation>自定义终端节点 %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置项：%1</translation>
    </message>
    <message>
        <source>Authentication: %1</source>
        <translation>认证方式：%1</translation>
    </message>
    <message>
        <source>Access key (AK): %1</source>
        <translation>访问密钥（AK）：%1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Default project: %1</source>
        <translation>默认项目：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Secrets: OS keychain (service %1)</source>
        <translation>机密信息：系统钥匙串（服务 %1）</translation>
    </message>
    <message>
        <source>Working with the OS keychain…</source>
        <translation>正在访问系统钥匙串…</translation>
    </message>
    <message>
        <source>Delete profile &quot;%1&quot;? Its secrets are removed from the OS keychain as well.</source>
        <translation>要删除配置项“%1”吗？其机密信息也将从系统钥匙串中删除。</translation>
    </message>
    <message>
        <source>Import from environment variables</source>
        <translation>从环境变量导入</translation>
    </message>
    <message>
        <source>Profile &amp;name for HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK:</source>
        <translation>HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK 的配置项名称(&amp;N)：</translation>
    </message>
    <message>
        <source>SDK credentials file</source>
        <translation>SDK 凭证文件</translation>
    </message>
    <message>
        <source>Import from SDK credentials file</source>
        <translation>从 SDK 凭证文件导入</translation>
    </message>
    <message>
        <source>Profile &amp;name for the [basic] credentials:</source>
        <translation>[basic] 凭证的配置项名称(&amp;N)：</translation>
    </message>
    <message>
        <source>KooCLI configuration</source>
        <translation>KooCLI 配置</translation>
    </message>
    <message>
        <source>KooCLI configuration (*.json);;All files (*)</source>
        <translation>KooCLI 配置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>the environment variables</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Nothing was imported: the profile manager is not available.</source>
        <translation>未导入任何内容：配置项管理器不可用。</translation>
    </message>
    <message>
        <source>Nothing was imported: wait for the current keychain operation to finish.</source>
        <translation>未导入任何内容：请等待当前的钥匙串操作完成。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>已取消导入，未导入任何内容。</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists. Replace it with the one from %2?</source>
        <translation>已存在名为“%1”的配置项。是否替换为以下来源中的同名配置项：%2？</translation>
    </message>
    <message>
        <source>Import cancelled: profile &quot;%1&quot; was kept and nothing was imported.</source>
        <translation>已取消导入：已保留配置项“%1”，未导入任何内容。</translation>
    </message>
    <message>
        <source>Imported %1 from %2; the secrets were copied into the OS keychain and the source was left unchanged.</source>
        <translation>已导入 %1（来源：%2）；机密信息已复制到系统钥匙串，来源未作更改。</translation>
    </message>
    <message>
        <source>Keychain: secrets readable. Checking the credentials with %1…</source>
        <translation>钥匙串：机密信息可读取。正在通过 %1 检查凭证…</translation>
    </message>
</context>
<context>
    <name>das::ProjectLookup</name>
    <message>
        <source>A region is needed to look up its project.</source>
        <translation>需要区域才能查找其项目。</translation>
    </message>
    <message>
        <source>a list of IAM projects</source>
        <translation>IAM 项目列表</translation>
    </message>
    <message>
        <source>IAM has no project named “%1” for these credentials: check the region, or give the project ID.</source>
        <translation>对于这些凭证，IAM 中没有名为“%1”的项目：请检查区域，或直接提供项目 ID。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>IAM has %1 projects for region “%2”: %3. Choose one and give its project ID.</source>
        <translation>IAM 中区域“%2”有 %1 个项目：%3。请选择一个并提供其项目 ID。</translation>
    </message>
</context>
<context>
    <name>das::ReadExplainer</name>
    <message>
        <source>The server&apos;s answer could not be read as %1; nothing was changed.</source>
        <translation>服务器的应答无法按%1读取；未做任何更改。</translation>
    </message>
    <message>
        <source>a JSON object</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <source>JSON error: %1 at byte %2. Body: %3</source>
        <translation>JSON 错误：第 %2 字节处 %1。响应体：%3</translation>
    </message>
    <message>
        <source>Permission denied (HTTP 403): the credentials are valid but not allowed to read this in this project; ask for the DAS (or IAM) read permissions.</source>
        <translation>权限被拒绝（HTTP 403）：凭证有效，但无权在此项目中读取这些内容；请申请 DAS（或 IAM）的读取权限。</translation>
    </message>
    <message>
        <source>The request was throttled: too many requests were sent in a short time. Wait a minute and try again.</source>
        <translation>请求被限流：短时间内发送的请求过多。请稍等一分钟后重试。</translation>
    </message>
    <message>
        <source>The service failed to answer (HTTP %1%2); nothing was changed. Try again later, and quote the request ID if it keeps failing.</source>
        <translation>服务未能应答（HTTP %1%2）；未做任何更改。请稍后重试；如果持续失败，请提供请求 ID。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The answer was larger than %1 bytes, the limit for one answer; nothing was changed.</source>
        <translation>应答超过了单个应答的上限 %1 字节；未做任何更改。</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s; nothing was changed. Try again later.</source>
        <translation>%1 在 %2 秒内没有应答；未做任何更改。请稍后重试。</translation>
    </message>
    <message>
        <source>The connection to %1 failed before an answer arrived; nothing was changed. Try again.</source>
        <translation>在收到应答之前与 %1 的连接失败；未做任何更改。请重试。</translation>
    </message>
</context>
<context>
    <name>das::ReadWorkflow</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>das::ResultPanel</name>
    <message>
        <source>Connection ID copied to the clipboard.</source>
        <translation>连接ID已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Error details copied to the clipboard.</source>
        <translation>错误详情已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Creating the connection at %1… %2 s</source>
        <translation>正在创建连接（%1）… %2 秒</translation>
    </message>
    <message>
        <source>Connection created</source>
        <translation>连接已创建</translation>
    </message>
    <message>
        <source>Request ID %1. The connection is recorded in the history.</source>
        <translation>请求ID：%1。连接已记入历史记录。</translation>
    </message>
    <message>
        <source>Outcome unknown: the connection may or may not exist</source>
        <translation>结果未知：连接可能已创建，也可能未创建</translation>
    </message>
    <message>
        <source>Cancelled: outcome unknown</source>
        <translation>已取消：结果未知</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Authentication failed: the connection was not created</source>
        <translation>认证失败：连接未创建</translation>
    </message>
    <message>
        <source>Not sent: the connection was not created</source>
        <translation>未发送：连接未创建</translation>
    </message>
    <message>
        <source>Not sent: the request is not valid</source>
        <translation>未发送：请求无效</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <source>The connection was not created</source>
        <translation>连接未创建</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态码：%1</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Server message: %1</source>
        <translation>服务器消息：%1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>请求ID：%1</translation>
    </message>
    <message>
        <source>Clock offset (server minus this computer): %1 s</source>
        <translation>时钟偏差（服务器时间减本机时间）：%1 秒</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Press Esc or Cancel to stop waiting. A creation request is never retried automatically.</source>
        <translation>按 Esc 或“取消”停止等待。创建请求从不自动重试。</translation>
    </message>
    <message>
        <source>Reading the credentials from the OS keychain… %1 s</source>
        <translation>正在从系统钥匙串读取凭据… %1 秒</translation>
    </message>
    <message>
        <source>Checking DAS for an existing connection at %1… %2 s</source>
        <translation>正在检查 DAS（%1）上是否已有该连接… %2 秒</translation>
    </message>
    <message>
        <source>The create request has not been sent yet.</source>
        <translation>创建请求尚未发送。</translation>
    </message>
    <message>
        <source>Answer lost; asking DAS whether the connection was created (look %1 of %2)…</source>
        <translation>响应丢失；正在向 DAS 查询连接是否已创建（第 %1 次，共 %2 次）…</translation>
    </message>
    <message>
        <source>The create request is never sent again: DAS is asked which connections exist instead.</source>
        <translation>创建请求不会重新发送，而是向 DAS 查询现有哪些连接。</translation>
    </message>
    <message>
        <source>Created (confirmed on DAS)</source>
        <translation>已创建（已在 DAS 上确认）</translation>
    </message>
    <message>
        <source>The answer to the create request was lost, but DAS lists exactly one matching connection created just now. It is recorded in the history.</source>
        <translation>创建请求的响应丢失，但 DAS 恰好列出一个刚刚创建的匹配连接。该连接已记入历史记录。</translation>
    </message>
    <message>
        <source>Existing connection used</source>
        <translation>已使用已有连接</translation>
    </message>
    <message>
        <source>DAS already had this connection, so nothing was created. It is recorded in the history.</source>
        <translation>DAS 上已有此连接，因此未创建任何内容。该连接已记入历史记录。</translation>
    </message>
    <message>
        <source>Not created — safe to create again</source>
        <translation>未创建 — 可以放心重新创建</translation>
    </message>
    <message>
        <source>The answer to the create request was lost, and DAS lists no matching connection: the connection was not created.</source>
        <translation>创建请求的响应丢失，且 DAS 上没有匹配的连接：连接未创建。</translation>
    </message>
    <message>
        <source>Outcome unknown: several connections on DAS match: %1</source>
        <translation>结果未知：DAS 上有多个匹配的连接：%1</translation>
    </message>
    <message>
        <source>The answer to the create request was lost, and more than one connection on DAS matches it. Look at them on the On DAS tab before creating again.</source>
        <translation>创建请求的响应丢失，且 DAS 上有多个连接与之匹配。请先在“DAS 上的连接”标签页中查看这些连接，再决定是否重新创建。</translation>
    </message>
</context>
<context>
    <name>das::SandboxHost</name>
    <message>
        <source>&amp;Fault mode</source>
        <translation>故障模式(&amp;F)</translation>
    </message>
    <message>
        <source>Normal answers</source>
        <translation>正常响应</translation>
    </message>
    <message>
        <source>Internal error (HTTP 500)</source>
        <translation>内部错误（HTTP 500）</translation>
    </message>
    <message>
        <source>Throttled (HTTP 429)</source>
        <translation>被限流（HTTP 429）</translation>
    </message>
    <message>
        <source>Unreadable answer (not JSON)</source>
        <translation>无法读取的响应（非 JSON）</translation>
    </message>
    <message>
        <source>Gateway HTML page (502)</source>
        <translation>网关 HTML 页面（502）</translation>
    </message>
    <message>
        <source>Connection reset</source>
        <translation>连接被重置</translation>
    </message>
    <message>
        <source>Server clock ahead (signature expired)</source>
        <translation>服务器时钟超前（签名过期）</translation>
    </message>
    <message>
        <source>Answer cut short</source>
        <translation>响应被截断</translation>
    </message>
    <message>
        <source>Connection ID of the wrong type</source>
        <translation>连接ID类型错误</translation>
    </message>
    <message>
        <source>Redirect (HTTP 307)</source>
        <translation>重定向（HTTP 307）</translation>
    </message>
    <message>
        <source>No answer (hangs)</source>
        <translation>无响应（挂起）</translation>
    </message>
    <message>
        <source>Oversized answer (2 MiB)</source>
        <translation>超大响应（2 MiB）</translation>
    </message>
    <message>
        <source>Created, answer lost</source>
        <translation>已创建，响应丢失</translation>
    </message>
    <message>
        <source>Not created, answer lost</source>
        <translation>未创建，响应丢失</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Sandbox mode %1</source>
        <translation>沙箱模式 %1</translation>
    </message>
</context>
<context>
    <name>das::SavedPasswordOffer</name>
    <message>
        <source>Saved passwords cannot be offered: %1</source>
        <translation>无法提供已保存的密码：%1</translation>
    </message>
    <message>
        <source>The saved password was removed from the OS keychain.</source>
        <translation>已从系统钥匙串中删除保存的密码。</translation>
    </message>
</context>
<context>
    <name>das::SecretJob</name>
    <message>
        <source>empty keychain key</source>
        <translation>钥匙串键名为空</translation>
    </message>
    <message>
        <source>the default keyring is locked</source>
        <translation>默认密钥环已锁定</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>macOS 钥匙串</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows 凭据管理器</translation>
    </message>
    <message>
        <source>the OS keychain (Secret Service)</source>
        <translation>系统钥匙串（Secret Service）</translation>
    </message>
    <message>
        <source>the secret was written but could not be read back to confirm it.</source>
        <translation>机密信息已写入，但无法读回确认。</translation>
    </message>
    <message>
        <source>nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <source>nothing was removed.</source>
        <translation>未删除任何内容。</translation>
    </message>
    <message>
        <source>There is no such entry in %1 to remove; nothing was changed.</source>
        <translation>%1中没有要删除的条目；未做任何更改。</translation>
    </message>
    <message>
        <source>There is no such entry in %1; nothing was changed.</source>
        <translation>%1中没有该条目；未做任何更改。</translation>
    </message>
    <message>
        <source>%1 is not available: %2</source>
        <translation>%1不可用：%2</translation>
    </message>
    <message>
        <source>No Secret Service is running: start GNOME Keyring or KeePassXC&apos;s Secret Service integration; %1</source>
        <translation>没有正在运行的 Secret Service：请启动 GNOME Keyring 或 KeePassXC 的 Secret Service 集成；%1</translation>
    </message>
    <message>
        <source>Access to %1 was denied: allow DAS Connect when the keychain asks, or check its access settings, and try again; %2</source>
        <translation>访问%1被拒绝：请在钥匙串询问时允许 DAS Connect，或检查其访问设置，然后重试；%2</translation>
    </message>
    <message>
        <source>%1 is locked and its unlock prompt was dismissed or could not be shown: unlock it (for example in Passwords and Keys) and try again; %2</source>
        <translation>%1已锁定，且解锁提示被关闭或无法显示：请将其解锁（例如在“密码和密钥”中）后重试；%2</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s: it may be locked and waiting for a password prompt; unlock it and try again.</source>
        <translation>%1在 %2 秒内未响应：它可能已锁定并在等待输入密码；请解锁后重试。</translation>
    </message>
    <message>
        <source>The secret is longer than the %1 bytes DAS Connect keeps in %2; nothing was saved.</source>
        <translation>机密信息超过了 DAS Connect 在%2中可保存的 %1 字节上限；未保存任何内容。</translation>
    </message>
    <message>
        <source>Reading the secret back from %1 did not return what was written, so it cannot be relied on: check the keychain and try again.</source>
        <translation>从%1读回的机密信息与写入的内容不一致，因此不可信：请检查钥匙串后重试。</translation>
    </message>
    <message>
        <source>%1 reported an error (%2); %3</source>
        <translation>%1报告了错误（%2）；%3</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>无详细信息</translation>
    </message>
    <message>
        <source>there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set and there is no socket at $XDG_RUNTIME_DIR/bus)</source>
        <translation>没有 D-Bus 会话总线（未设置 DBUS_SESSION_BUS_ADDRESS，且 $XDG_RUNTIME_DIR/bus 处没有套接字）</translation>
    </message>
    <message>
        <source>the D-Bus session bus cannot be reached (%1)</source>
        <translation>无法连接 D-Bus 会话总线（%1）</translation>
    </message>
    <message>
        <source>no keychain service (a Secret Service such as GNOME Keyring or KeePassXC, or KWallet) runs or can be started on the D-Bus session bus</source>
        <translation>D-Bus 会话总线上没有正在运行或可启动的钥匙串服务（Secret Service，如 GNOME Keyring 或 KeePassXC，或 KWallet）</translation>
    </message>
</context>
<context>
    <name>das::SecretStore</name>
    <message>
        <source>the request was cancelled</source>
        <translation>请求已取消</translation>
    </message>
    <message>
        <source>built-in sandbox</source>
        <translation>内置沙箱</translation>
    </message>
    <message>
        <source>DAS Connect: password for %1 @ %2 (%3)</source>
        <translation>DAS Connect：%1 @ %2（%3）的密码</translation>
    </message>
    <message>
        <source>DAS Connect: password for %1 @ %2 (%3, %4)</source>
        <translation>DAS Connect：%1 @ %2（%3，%4）的密码</translation>
    </message>
    <message>
        <source>DAS Connect: AK/SK for profile %1</source>
        <translation>DAS Connect：配置项 %1 的 AK/SK</translation>
    </message>
    <message>
        <source>DAS Connect: security token for profile %1</source>
        <translation>DAS Connect：配置项 %1 的安全令牌</translation>
    </message>
    <message>
        <source>DAS Connect: IAM token for profile %1</source>
        <translation>DAS Connect：配置项 %1 的 IAM 令牌</translation>
    </message>
    <message>
        <source>DAS Connect: %1</source>
        <translation>DAS Connect：%1</translation>
    </message>
</context>
<context>
    <name>das::TeardownDialog</name>
    <message>
        <source>Reading the credentials from the OS keychain…</source>
        <translation>正在从系统钥匙串读取凭证…</translation>
    </message>
    <message>
        <source>No history is open, so there is nothing to tear down.</source>
        <translation>未打开历史记录，因此没有可清理的内容。</translation>
    </message>
    <message>
        <source>Asking DAS which of the connections this history created are still there…</source>
        <translation>正在向 DAS 查询此历史记录创建的连接中哪些仍然存在…</translation>
    </message>
    <message>
        <source>Listing was cancelled.</source>
        <translation>已取消列出。</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) this history created are no longer on DAS; their history rows are now marked deleted.</source>
        <translation>
            <numerusform>此历史记录创建的 %n 个连接已不在 DAS 上；其历史记录行现已标记为已删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n connection(s)…</source>
        <translation>
            <numerusform>删除 %n 个连接(&amp;D)…</numerusform>
        </translation>
    </message>
    <message>
        <source>DAS lists nothing this history created here since %1.</source>
        <translation>DAS 上没有此历史记录自 %1 起在此处创建的连接。</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) will be deleted.</source>
        <translation>
            <numerusform>将删除 %n 个连接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n connection(s) on DAS.</source>
        <translation>
            <numerusform>已在 DAS 上删除 %n 个连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some were not deleted; choose List to see what is left.</source>
        <translation>部分连接未删除；选择“列出”可查看剩余的连接。</translation>
    </message>
    <message>
        <source>Deletes on DAS the connections this history created on %1 in project %2 since a time, for demos and training classes. Connections adopted into the history or created by others are left alone.</source>
        <translation>在 DAS 上删除此历史记录自某一时间起在 %1 的项目 %2 中创建的连接，用于演示和培训课程。纳入历史记录的连接以及他人创建的连接不受影响。</translation>
    </message>
</context>
<context>
    <name>das::TeardownPlanner</name>
    <message>
        <source>The history is not available, so what it created is not known.</source>
        <translation>历史记录不可用，因此无法得知其创建了哪些连接。</translation>
    </message>
    <message>
        <source>Choose the time from which to delete what this history created.</source>
        <translation>请选择起始时间，将删除此历史记录自该时间起创建的连接。</translation>
    </message>
</context>
<context>
    <name>das::Translations</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Welcome to DAS Connect</source>
        <translation>欢迎使用 DAS Connect</translation>
    </message>
    <message>
        <source>No Huawei Cloud credentials were found (HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK).

Try the built-in sandbox? It runs on this computer, needs no account, and answers like DAS does.</source>
        <translation>未找到华为云凭证（HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK）。

要试用内置沙箱吗？它在本机运行，无需账号，响应方式与 DAS 相同。</translation>
    </message>
    <message>
        <source>Try the sandbox</source>
        <translation>试用沙箱</translation>
    </message>
    <message>
        <source>Create Huawei Cloud DAS connections.</source>
        <translation>创建华为云 DAS 连接。</translation>
    </message>
    <message>
        <source>Start on the built-in sandbox.</source>
        <translation>启动时使用内置沙箱。</translation>
    </message>
    <message>
        <source>Language: system, en or zh_CN.</source>
        <translation>语言：system、en 或 zh_CN。</translation>
    </message>
    <message>
        <source>Render the window on the sandbox after one create to FILE (PNG) and exit.</source>
        <translation>在沙箱上完成一次创建后，将窗口渲染为 FILE（PNG）并退出。</translation>
    </message>
    <message>
        <source>Print start-up time and peak memory once the window is shown, then exit.</source>
        <translation>窗口显示后打印启动时间和内存峰值，然后退出。</translation>
    </message>
    <message>
        <source>History unavailable</source>
        <translation>历史记录不可用</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <source>Continue without the sandbox</source>
        <translation>不使用沙箱</translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1024x700 (default 1280x900).</source>
        <translation>--screenshot 的窗口大小，例如 1024x700（默认 1280x900）。</translation>
    </message>
    <message>
        <source>Tab to show for --screenshot: history (default) or on-das.</source>
        <translation>--screenshot 显示的标签页：history（默认）或 on-das。</translation>
    </message>
</context>
</TS>
