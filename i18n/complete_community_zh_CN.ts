<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CategoryMatcher</name>
    <message>
        <location filename="../core/categories.py"/>
        <source>Cannot read the category mapping table {}: {}</source>
        <translation>无法读取设施类别对照表 {}：{}</translation>
    </message>
    <message>
        <location filename="../core/categories.py"/>
        <source>{}: expected two columns, value and category code</source>
        <translation>{}：应有两列，即原始值和类别代码</translation>
    </message>
    <message>
        <location filename="../core/categories.py"/>
        <source>{}: unknown category code '{}' for '{}'</source>
        <translation>{}：类别代码 '{}' 不存在（对应值 '{}'）</translation>
    </message>
</context>
<context>
    <name>ClassifyFacilitiesAlgorithm</name>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>  {} ({}): {}</source>
        <translation>  {}（{}）：{}</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Cannot open the category mapping table {}.</source>
        <translation>无法打开设施类别对照表 {}。</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Category field</source>
        <translation>设施类别字段</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Category mapping table (value → category code)</source>
        <translation>设施类别对照表（原始值 → 类别代码）</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Classified facilities</source>
        <translation>已分类设施</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Classify facilities (设施分类)</source>
        <translation>设施分类</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Facilities classified</source>
        <translation>已识别类别的设施数</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Facilities not recognised</source>
        <translation>未识别类别的设施数</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Layer {}, field '{}': {} feature(s) have a category that the standard does not know; they are kept with an empty cc_category. Add these values to a category mapping table: {}</source>
        <translation>图层 {}，字段 '{}'：{} 个要素的类别不在标准中，已保留，cc_category 为空。请将这些值加入设施类别对照表：{}</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Layer {}, field '{}': {} feature(s) have no category value.</source>
        <translation>图层 {}，字段 '{}'：{} 个要素没有类别值。</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Layer {}: {} feature(s) have no or empty geometry (feature ids {}{}); they are kept but cannot be located.</source>
        <translation>图层 {}：{} 个要素没有几何或几何为空（要素 ID {}{}），已保留，但无法定位。</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Mapping tables (*.csv *.xlsx *.ods *.gpkg *.dbf);;All files (*)</source>
        <translation>对照表 (*.csv *.xlsx *.ods *.gpkg *.dbf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Reads the category field of a facility layer (POIs or polygons) and assigns each feature the standard's facility category — e.g. 快递柜 and 智能信包箱 become express_locker, 菜鸟驿站 becomes express_station, 'shop=supermarket' becomes supermarket — using the Chinese names, synonyms, English codes and OpenStreetMap tags listed in the standard. Matching ignores case, spaces and full-width forms.&lt;br&gt;&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt;: point or polygon layer. &lt;b&gt;Category field&lt;/b&gt;: the field holding the label. &lt;b&gt;Category mapping table&lt;/b&gt; (optional): a CSV, spreadsheet or GeoPackage table with two columns, value and category (code), consulted before the standard's own names — use it for your city's naming.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every input feature and field, plus cc_category (code), cc_category_name, cc_item and cc_item_name; labels that match nothing are kept with an empty category and listed once, with their counts, in the log. The layer is styled by category; in a GeoPackage the style is saved as the layer's default.</source>
        <translation>读取设施图层（POI 或面）的类别字段，依据标准中列出的中文名称、同义词、英文代码和 OpenStreetMap 标签，为每个要素确定标准规定的设施类别——例如“快递柜”“智能信包箱”归为 express_locker，“菜鸟驿站”归为 express_station，'shop=supermarket' 归为 supermarket。匹配时不区分大小写，并忽略空格及全角/半角差异。&lt;br&gt;&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;：点或面图层。&lt;b&gt;设施类别字段&lt;/b&gt;：存放类别标签的字段。&lt;b&gt;设施类别对照表&lt;/b&gt;（可选）：CSV、电子表格或 GeoPackage 表，两列分别为原始值和类别代码，优先于标准自带的名称使用——用于适配本市的命名习惯。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：保留全部输入要素和字段，并增加 cc_category（类别代码）、cc_category_name、cc_item 和 cc_item_name；未能匹配的标签，其要素仍予保留、类别留空，并在日志中汇总列出一次（附数量）。输出图层按设施类别设置样式；写入 GeoPackage 时，样式保存为该图层的默认样式。</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>The category mapping table {} needs two columns: value and category.</source>
        <translation>设施类别对照表 {} 需要两列：原始值和类别代码。</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>The facility layer {} has no field '{}'.</source>
        <translation>设施图层 {} 没有字段 '{}'。</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>{}, row {}</source>
        <translation>{}，第 {} 行</translation>
    </message>
</context>
<context>
    <name>CompleteCommunityAlgorithm</name>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>&lt;b&gt;Standard&lt;/b&gt;: leave empty for the national guide ({}), give a built-in id ({}), or a YAML file of your city's standard, which may extend a built-in one (see README, 'Standards').</source>
        <translation>&lt;b&gt;标准&lt;/b&gt;：留空则使用国家指南（{}）；也可填写内置标准编号（{}），或本市标准的 YAML 文件，该文件可在内置标准基础上扩展（见 README“Standards”一节）。</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Built-in standards: {}</source>
        <translation>内置标准：{}</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Community evaluation</source>
        <translation>社区评估</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Standard (empty: the national guide; or a built-in id, or a YAML file)</source>
        <translation>标准（留空为国家指南；或内置标准编号、YAML 文件）</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Standard: {} ({})</source>
        <translation>标准：{}（{}）</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Standards and data preparation</source>
        <translation>标准与数据准备</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>YAML standards (*.yaml *.yml);;All files (*)</source>
        <translation>YAML 标准文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>CompleteCommunityProvider</name>
    <message>
        <location filename="../processing/provider.py"/>
        <source>Complete Community</source>
        <translation>完整居住社区</translation>
    </message>
    <message>
        <location filename="../processing/provider.py"/>
        <source>Complete Community: checks against the Complete Community Construction Guide (MOHURD 2021)</source>
        <translation>完整居住社区：按《完整居住社区建设指南》（住房和城乡建设部，2021）检查</translation>
    </message>
</context>
<context>
    <name>DescribeStandardAlgorithm</name>
    <message>
        <location filename="../processing/describe_standard.py"/>
        <source>Facility categories</source>
        <translation>设施类别</translation>
    </message>
    <message>
        <location filename="../processing/describe_standard.py"/>
        <source>Number of rules</source>
        <translation>条款数</translation>
    </message>
    <message>
        <location filename="../processing/describe_standard.py"/>
        <source>Standard rules</source>
        <translation>标准条款</translation>
    </message>
    <message>
        <location filename="../processing/describe_standard.py"/>
        <source>Standard rules table (标准条款表)</source>
        <translation>标准条款表</translation>
    </message>
    <message>
        <location filename="../processing/describe_standard.py"/>
        <source>Writes the standard that the evaluations use as tables you can read, filter and print: one row per rule with its item, clause of the guide (e.g. '2.3 表 第2项' is row 2 of the construction standard table), level (required, recommended 以…为宜, where conditions allow 具备条件的, informative), the community type it applies to (new 新建 / existing 既有), the requirement in words and its numbers; and the facility category catalogue with every name and OpenStreetMap tag that is recognised.&lt;br&gt;{}&lt;br&gt;Use it to check a local standard before an evaluation, or to start a category mapping table.</source>
        <translation>将评估所用的标准输出为可阅读、筛选和打印的表格：每条条款一行，包括所属建设内容、指南条款（如“2.3 表 第2项”即建设标准表第2项）、要求程度（必须、宜（以…为宜）、具备条件的、参考）、适用的社区类型（新建 / 既有）、文字表述的要求及其数值；另输出设施类别目录，列出可识别的全部名称和 OpenStreetMap 标签。&lt;br&gt;{}&lt;br&gt;可用于在评估前核对地方标准，或作为编制设施类别对照表的起点。</translation>
    </message>
    <message>
        <location filename="../processing/describe_standard.py"/>
        <source>{} rules in {} items, {} facility categories.</source>
        <translation>共 {} 条条款，{} 项建设内容，{} 类设施。</translation>
    </message>
</context>
<context>
    <name>RuleEngine</name>
    <message>
        <location filename="../core/records.py"/>
        <source>'{}' is not a community type; write 新建 (new) or 既有 (existing)</source>
        <translation>'{}' 不是有效的社区类型，应填写 '新建'（new）或 '既有'（existing）</translation>
    </message>
    <message>
        <location filename="../core/records.py"/>
        <source>'{}' is not a yes/no value; write 1/0, 是/否 or yes/no</source>
        <translation>'{}' 不是有效的是/否值，应填写 1/0、是/否 或 yes/no</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>Complies</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>Does not comply</source>
        <translation>不达标</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>Insufficient data</source>
        <translation>数据不足</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>Walk to the nearest {}</source>
        <translation>步行至最近的{}</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>all met: {}</source>
        <translation>均满足：{}</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>applies only where {} is {}</source>
        <translation>仅在“{}”为“{}”时适用</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>community type unknown; the rule is for {}</source>
        <translation>社区类型未知；本条款适用于{}</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>no data: {}</source>
        <translation>缺少数据：{}</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>no {}</source>
        <translation>无{}</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>not met: {}</source>
        <translation>未满足：{}</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>only for {}</source>
        <translation>仅适用于{}</translation>
    </message>
    <message>
        <source>walk to the nearest {}</source>
        <translation type="obsolete">步行至最近的{}</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>walking distance not computed</source>
        <translation>未计算步行距离</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>walking radius not computed</source>
        <translation>未计算步行半径</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>{} data missing</source>
        <translation>缺少{}数据</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>{} data missing; the threshold depends on it</source>
        <translation>缺少{}数据，无法确定阈值</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>{} more without {}</source>
        <translation>另有 {} 个设施缺少{}数据</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>{} within {}–{}</source>
        <translation>{}，在 {}–{} 之间</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>{} without {}</source>
        <translation>{}缺少{}数据</translation>
    </message>
    <message>
        <source>{} {} within {}–{}</source>
        <translation type="obsolete">{} {}，在 {}–{} 之间</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>{} {} without {}</source>
        <translation>{} 个{}缺少{}数据</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>{}: '{}' is not a number</source>
        <translation>{}：'{}' 不是数字</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>{}: not reachable on the walking network</source>
        <translation>{}：在步行网络上无法到达</translation>
    </message>
</context>
<context>
    <name>RuleText</name>
    <message>
        <location filename="../core/describe.py"/>
        <source> (counting only {} {})</source>
        <translation>（仅计{} {} 的设施）</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source> and </source>
        <translation>，且</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source> or </source>
        <translation>；或</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>, at least {}</source>
        <translation>，且不低于 {}</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>all of: {}</source>
        <translation>全部具备：{}</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>cells</source>
        <translation>个格口</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>classes</source>
        <translation>班</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>existing communities</source>
        <translation>既有居住社区</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>households</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>informative</source>
        <translation>参考</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>new and existing communities</source>
        <translation>新建和既有居住社区</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>new communities</source>
        <translation>新建居住社区</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>pcs</source>
        <translation>个</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>persons</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>recommended</source>
        <translation>宜（推荐）</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>required</source>
        <translation>必须</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>spaces</source>
        <translation>个车位</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>where conditions allow</source>
        <translation>具备条件的</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>{} × {}</source>
        <translation>{} × {}</translation>
    </message>
</context>
<context>
    <name>StandardError</name>
    <message>
        <location filename="../standards/yaml_source.py"/>
        <source>The standard cannot be used ({} problem(s)):</source>
        <translation>标准无法使用（{} 处问题）：</translation>
    </message>
    <message>
        <location filename="../standards/yaml_source.py"/>
        <source>YAML syntax error: {}</source>
        <translation>YAML 语法错误：{}</translation>
    </message>
    <message>
        <location filename="../standards/yaml_source.py"/>
        <source>a standard file must be a mapping of keys (schema_version, id, name, items, rules, ...)</source>
        <translation>标准文件必须是键值映射（schema_version、id、name、items、rules 等）</translation>
    </message>
    <message>
        <location filename="../standards/yaml_source.py"/>
        <source>cannot read the file: {}</source>
        <translation>无法读取文件：{}</translation>
    </message>
    <message>
        <location filename="../standards/yaml_source.py"/>
        <source>the file is not UTF-8 text; save it as UTF-8</source>
        <translation>文件不是 UTF-8 文本，请另存为 UTF-8 编码</translation>
    </message>
    <message>
        <location filename="../standards/yaml_source.py"/>
        <source>this key is written twice (first on line {}); YAML would silently keep only the last</source>
        <translation>此键重复出现（首次在第 {} 行）；YAML 只会保留最后一个，且不提示</translation>
    </message>
</context>
<context>
    <name>StandardLoader</name>
    <message>
        <location filename="../standards/__init__.py"/>
        <source>more than {} files extend each other</source>
        <translation>相互扩展的文件超过 {} 层</translation>
    </message>
    <message>
        <location filename="../standards/__init__.py"/>
        <source>no such standard: give a YAML file path or one of the built-in standards: {}</source>
        <translation>找不到该标准：请给出 YAML 文件路径，或以下内置标准之一：{}</translation>
    </message>
    <message>
        <location filename="../standards/__init__.py"/>
        <source>the files extend each other in a circle: {}</source>
        <translation>文件之间循环扩展：{}</translation>
    </message>
</context>
<context>
    <name>StandardSchema</name>
    <message>
        <location filename="../standards/schema.py"/>
        <source>'{}' already names category '{}' ({}:{})</source>
        <translation>'{}' 已是类别 '{}' 的名称（{}:{}）</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>'{}' is a name, not a category code; write '{}'</source>
        <translation>'{}' 是名称而不是类别代码，应写作 '{}'</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>'{}' is not a valid code (lower-case letters, digits and _ only)</source>
        <translation>'{}' 不是有效代码（只能使用小写字母、数字和 _）</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>'{}' is not a valid rule id; write &lt;item&gt;.&lt;name&gt;, e.g. kindergarten.building_area</source>
        <translation>'{}' 不是有效的条款编号，应写作 &lt;item&gt;.&lt;name&gt;，如 kindergarten.building_area</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>'{}' is not a yes/no attribute</source>
        <translation>'{}' 不是是/否属性</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>'{}' is not an OpenStreetMap tag of the form key=value</source>
        <translation>'{}' 不是 key=value 形式的 OpenStreetMap 标签</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>'{}' is of type {}, a {} is needed here</source>
        <translation>'{}' 的类型为 {}，此处需要 {}</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>a mapping</source>
        <translation>键值映射</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>a rule has either a measure or any_of alternatives, not both</source>
        <translation>一条条款只能有 measure 或 any_of 备选方案之一，不能同时有</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>a rule id starts with its item code: '{}.…'</source>
        <translation>条款编号应以其建设内容代码开头：'{}.…'</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>a walking measure is in m (distance) or min (time)</source>
        <translation>步行指标的单位为 m（距离）或 min（时间）</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>allowed keys: {}</source>
        <translation>允许的键：{}</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>alternative id used twice</source>
        <translation>备选方案编号重复</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>community attribute</source>
        <translation>社区属性</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>define it first or check the spelling</source>
        <translation>请先定义，或检查拼写</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>did you mean '{}'?</source>
        <translation>是否应为 '{}'？</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>each rule must be a mapping of keys</source>
        <translation>每条条款必须是键值映射</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>facility attribute</source>
        <translation>设施属性</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>facility category</source>
        <translation>设施类别</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>group</source>
        <translation>建设目标</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>item</source>
        <translation>建设内容</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>list at least one facility category</source>
        <translation>至少列出一个设施类别</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>list at least one yes/no community attribute</source>
        <translation>至少列出一个是/否社区属性</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>max {:g} is below min {:g}</source>
        <translation>最大值 {:g} 小于最小值 {:g}</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>missing; a '{}' measure needs it</source>
        <translation>缺失；'{}' 指标需要此键</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>missing; this key is required</source>
        <translation>缺失；此键为必填</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a list of rule ids</source>
        <translation>必须是条款编号列表</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a list of rules</source>
        <translation>必须是条款列表</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a mapping of keys</source>
        <translation>必须是键值映射</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a mapping of keys, not {}</source>
        <translation>必须是键值映射，而不是{}</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a mapping with min and/or max</source>
        <translation>必须是含 min 和/或 max 的映射</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a non-empty list of rules</source>
        <translation>必须是非空的条款列表</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a number, not {} ('{}')</source>
        <translation>必须是数字，而不是{}（'{}'）</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be greater than 0</source>
        <translation>必须大于 0</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be text, not {}</source>
        <translation>必须是文本，而不是{}</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be two numbers [low, high] with low &lt;= high</source>
        <translation>必须是两个数 [下限, 上限]，且下限 &lt;= 上限</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be {} (this plugin reads schema version {}), found '{}'</source>
        <translation>必须为 {}（本插件读取的结构版本为 {}），实际为 '{}'</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must list at least two alternatives</source>
        <translation>至少列出两个备选方案</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>needs a threshold: min, max or both</source>
        <translation>需要阈值：min、max 或两者</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>needs min, max or both</source>
        <translation>需要 min、max 或两者</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>no rule '{}' in the standard this file extends</source>
        <translation>被扩展的标准中没有条款 '{}'</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>one of: {}</source>
        <translation>可选值：{}</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>rule id used twice (first at {})</source>
        <translation>条款编号重复（首次在 {}）</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>unknown key; {}</source>
        <translation>未知的键；{}</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>unknown value '{}'; {}</source>
        <translation>未知的值 '{}'；{}</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>unknown {} '{}'; {}</source>
        <translation>未知的{} '{}'；{}</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>yes/no</source>
        <translation>是/否</translation>
    </message>
</context>
<context>
    <name>Styles</name>
    <message>
        <location filename="../styles/__init__.py"/>
        <source>Complete Community style</source>
        <translation>完整居住社区样式</translation>
    </message>
    <message>
        <location filename="../styles/__init__.py"/>
        <source>Could not save the default style of {}: {}</source>
        <translation>无法保存 {} 的默认样式：{}</translation>
    </message>
    <message>
        <location filename="../styles/__init__.py"/>
        <source>Unrecognised category</source>
        <translation>未识别类别</translation>
    </message>
</context>
</TS>
