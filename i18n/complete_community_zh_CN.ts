<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssessAlgorithm</name>
    <message>
        <source>Accessible parking spaces field</source>
        <translation type="obsolete">无障碍机动车停车位数字段</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Area field of the communities for figures by area (e.g. 街道)</source>
        <translation>按区域汇总所用的社区字段（如 街道）</translation>
    </message>
    <message>
        <source>Around the communities that do not meet a category's limit</source>
        <translation type="obsolete">仅在未达到该类设施步行距离要求的社区周边</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Around the communities that lack the category (beyond its limit, or its item failed)</source>
        <translation>仅在缺少该类设施的社区周边（超出步行距离要求，或该项不达标）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Assessed communities</source>
        <translation>评估后的社区</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Atlas, one page per community (PDF)</source>
        <translation>社区图集，一社区一页（PDF）</translation>
    </message>
    <message>
        <source>Average daily parcel deliveries field</source>
        <translation type="obsolete">日均邮件快件投递量字段</translation>
    </message>
    <message>
        <source>Car parking spaces field</source>
        <translation type="obsolete">机动车停车位数字段</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Classifying the facilities…</source>
        <translation>正在分类设施…</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Complete community assessment</source>
        <translation>完整居住社区综合评估</translation>
    </message>
    <message>
        <source>Complete community assessment (完整居住社区综合评估)</source>
        <translation type="obsolete">完整居住社区综合评估（Complete community assessment）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Complete community assessment report</source>
        <translation>完整居住社区评估报告</translation>
    </message>
    <message>
        <source>Evaluating the communities…</source>
        <translation type="obsolete">正在评估社区…</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Everywhere</source>
        <translation>全部范围</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Facilities (classified)</source>
        <translation>配套设施（已分类）</translation>
    </message>
    <message>
        <source>Facilities (points or polygons)</source>
        <translation type="obsolete">设施（点或面）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Facilities not counted</source>
        <translation>未计入任何社区的设施</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Facility areas</source>
        <translation>设施用地</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Facility areas (classified)</source>
        <translation>设施用地（已分类）</translation>
    </message>
    <message>
        <source>Facility building floor area field (m²)</source>
        <translation type="obsolete">设施建筑面积字段（m²）</translation>
    </message>
    <message>
        <source>Facility land area field (m²; polygons: measured when empty)</source>
        <translation type="obsolete">设施用地面积字段（m²；面要素为空时按实测面积）</translation>
    </message>
    <message>
        <source>Facility usable floor area field (m²)</source>
        <translation type="obsolete">设施使用面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Figures by area</source>
        <translation>按区域汇总</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Figures by area…</source>
        <translation>按区域汇总…</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation type="obsolete">已写出的文件</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>Kindergarten classes field</source>
        <translation type="obsolete">幼儿园班数字段</translation>
    </message>
    <message>
        <source>Life circle name field</source>
        <translation type="obsolete">生活圈名称字段</translation>
    </message>
    <message>
        <source>Life circle population field (empty: sum of its communities)</source>
        <translation type="obsolete">生活圈人口字段（为空时为所含社区人口之和）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Life circle results per rule</source>
        <translation>生活圈逐条规则结果</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Life circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <source>Life circles (polygons); empty: formed from the communities</source>
        <translation type="obsolete">生活圈（面）；为空时由社区组合生成</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Map (PDF or PNG)</source>
        <translation>评估图（PDF 或 PNG）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Measured in</source>
        <translation>量算坐标系</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Name field of the area polygons</source>
        <translation>区域面图层的名称字段</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>None</source>
        <translation>不绘制</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Or: area polygons for figures by area (streets, districts)</source>
        <translation>或：用于按区域汇总的区域面图层（街道、区）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Origins</source>
        <translation>出发点</translation>
    </message>
    <message>
        <source>Origins: residential buildings or population points</source>
        <translation type="obsolete">出发点：住宅楼或人口点</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>PDF files (*.pdf);;PNG images (*.png)</source>
        <translation>PDF 文件 (*.pdf);;PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Parcel locker cells field</source>
        <translation type="obsolete">智能快递箱格口数字段</translation>
    </message>
    <message>
        <source>Parking spaces with chargers (built or provisioned) field</source>
        <translation type="obsolete">建设充电设施或预留安装条件的车位数字段</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Polygons: each facility's streets widened by the frontage (slow for a city)</source>
        <translation>面：每个设施可到达的道路向两侧扩展服务进深（全市范围较慢）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Population field of the origins</source>
        <translation type="obsolete">出发点的人口字段</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Prepared by (编制单位), shown in the report</source>
        <translation>编制单位（显示在报告中）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Reading the communities and facilities…</source>
        <translation>正在读取社区和设施…</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Report (HTML)</source>
        <translation>评估报告（HTML）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Results GeoPackage</source>
        <translation>评估结果 GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Results are in {}</source>
        <translation>结果保存在 {}</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Results per rule</source>
        <translation>逐条规则结果</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Road network</source>
        <translation>路网</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Service areas drawn</source>
        <translation>服务范围绘制范围</translation>
    </message>
    <message>
        <source>Service areas only for these facility categories (codes, comma separated; empty: all)</source>
        <translation type="obsolete">仅为这些设施类别绘制服务范围（类别代码，逗号分隔；留空为全部）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Service areas only for these facility categories (codes, comma separated; empty: those of the community walking rules)</source>
        <translation>仅为这些设施类别绘制服务范围（类别代码，逗号分隔；留空为社区步行规则涉及的类别）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Service areas…</source>
        <translation>正在计算服务范围…</translation>
    </message>
    <message>
        <source>Sports area field (m², parks)</source>
        <translation type="obsolete">体育活动场地面积字段（m²，游园）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Streets: each street piece with its nearest facility within the limit (fast)</source>
        <translation>道路：限值内的每段道路及其最近的设施（快速）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>The 15-minute life circles…</source>
        <translation>正在评估十五分钟生活圈…</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>The atlas must be a PDF file: {}</source>
        <translation>图集必须是 PDF 文件：{}</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>The atlas, one page per community…</source>
        <translation>社区图集（一社区一页）…</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>The map…</source>
        <translation>正在导出评估图…</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>The report…</source>
        <translation>正在生成评估报告…</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>The results file must be a GeoPackage (.gpkg): {}</source>
        <translation>评估结果文件必须是 GeoPackage（.gpkg）：{}</translation>
    </message>
    <message>
        <source>The whole check in one run: community scale (2.2), the 20 construction items (2.3), walking distances on the road network, the 15-minute life circle (2.4), service areas, a printable map and a report.&lt;br&gt;&lt;br&gt;The communities are evaluated against every community rule of the standard at once, so cc_status is the complete verdict. Only required rules (应/须/要) decide: an item (the 20 items, and scale) is met when all its applicable required rules pass, failed when one fails, without enough data otherwise; cc_status is fail when an item fails, no_data when none fails but one lacks data, pass otherwise. cc_score = 100 × cc_items_met ÷ (cc_items_met + cc_items_failed), empty when nothing could be decided; cc_items_no_data counts apart, never as a failure. cc_missing lists the failed items, cc_advice the recommended and conditional rules that are not met (建议改进, amber: walking distances of 2.2 are a principle, 以…为原则, so they are advice unless the standard walking_required is chosen).&lt;br&gt;The parameters are those of evaluate_facilities, evaluate_walking_access and evaluate_life_circle; only the communities, their population field, the facilities and their category field are required. Without a road network, distances are straight lines × the detour factor and no service areas are drawn. Service areas (advanced): streets by default — each street piece within the limit drawn once with its nearest facility, one search per category, seconds for a city; polygons per facility cost a buffer each (minutes for a city); or none; by default for the categories of the community walking rules (the 1,000 m life-circle ones, which cover most of a city, when named). The standard and the walking network are read once and shared by every step.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output GeoPackage&lt;/b&gt;: communities (styled by cc_status, labelled with name and score), community_rules, walking_routes, service_areas, life_circles and life_circle_rules, facilities and facility_areas (classified), facilities_not_counted (and walking_origins with origins) — each with its style saved as the layer's default, so it opens styled in QGIS. &lt;b&gt;Report&lt;/b&gt;: one HTML file that opens without a network: summary, score chart, most frequently missing items, every community item by item, walking distances, life circles, inputs and data problems, and the map. &lt;b&gt;Map&lt;/b&gt; (optional): PDF or PNG.&lt;br&gt;&lt;br&gt;&lt;b&gt;Area field&lt;/b&gt; or &lt;b&gt;area polygons&lt;/b&gt; (optional): figures by street or district (area_summary table, and a table in the report's summary). &lt;b&gt;Prepared by&lt;/b&gt;: the organisation named in the report.&lt;br&gt;&lt;br&gt;Example (qgis_process): see README, 'Running with qgis_process'.</source>
        <translation type="obsolete">一次完成全部检查：居住社区规模（2.2）、20 项建设内容（2.3）、基于路网的步行距离、十五分钟生活圈（2.4）、设施服务范围、可打印的评估图和评估报告。&lt;br&gt;&lt;br&gt;每个社区一次性对照标准的全部社区规则评估，因此 cc_status 是完整的结论。只有必备项（应/须/要）决定结论：一个项目（20 项建设内容及规模）的适用必备规则全部达标即为达标，任一不达标即为不达标，否则为数据不足；有项目不达标时 cc_status 为不达标，无不达标但有项目数据不足时为数据不足，否则为达标。cc_score = 100 × cc_items_met ÷（cc_items_met + cc_items_failed），无法判定任何项目时为空；cc_items_no_data 单独计数，从不算作不达标。cc_missing 列出不达标的项目，cc_advice 列出未满足的推荐项和条件项（建议改进，琥珀色：2.2 的步行距离是“以…为原则”，因此除非选用标准 walking_required，否则只作为建议）。&lt;br&gt;参数与配套设施评估、步行可达性评估和十五分钟生活圈评估相同；只有社区图层、常住人口字段、设施图层及其类别字段为必填。没有路网时距离按直线距离 × 绕行系数计算，且不绘制服务范围。服务范围（高级参数）：默认为道路——限值内的每段道路只绘制一次，归属最近的设施，每个类别一次搜索，全市只需数秒；按设施绘制面需要逐个缓冲（全市需数分钟）；也可不绘制；默认只绘制社区步行规则涉及的设施类别（1000 米的十五分钟生活圈设施几乎覆盖全市，需要时按名称指定）。标准和步行路网只读取一次，供所有步骤共用。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;评估结果 GeoPackage&lt;/b&gt;：communities（按 cc_status 着色，标注名称和得分）、community_rules、walking_routes、service_areas、life_circles 和 life_circle_rules、facilities 和 facility_areas（已分类）、facilities_not_counted（有出发点时还有 walking_origins）——每个图层的样式都保存为默认样式，在 QGIS 中打开即带样式。&lt;b&gt;评估报告&lt;/b&gt;：一个无需联网即可打开的 HTML 文件：概况、得分分布图、最常缺失的建设项目、各社区逐项结果、步行距离、生活圈、输入数据与数据问题，以及评估图。&lt;b&gt;评估图&lt;/b&gt;（可选）：PDF 或 PNG。&lt;br&gt;&lt;br&gt;&lt;b&gt;区域字段&lt;/b&gt;或&lt;b&gt;区域面图层&lt;/b&gt;（可选）：按街道或区汇总的统计（area_summary 表，并在报告摘要中列表）。&lt;b&gt;编制单位&lt;/b&gt;：报告中署名的单位。&lt;br&gt;&lt;br&gt;qgis_process 示例：见 README“Running with qgis_process”。</translation>
    </message>
    <message>
        <source>The whole check in one run: community scale (2.2), the 20 construction items (2.3), walking distances on the road network, the 15-minute life circle (2.4), service areas, a printable map and a report.&lt;br&gt;&lt;br&gt;The communities are evaluated against every community rule of the standard at once, so cc_status is the complete verdict. Only required rules (应/须/要) decide: an item (the 20 items, and scale) is met when all its applicable required rules pass, failed when one fails, without enough data otherwise; cc_status is fail when an item fails, no_data when none fails but one lacks data, pass otherwise. cc_score = 100 × cc_items_met ÷ (cc_items_met + cc_items_failed), empty when nothing could be decided; cc_items_no_data counts apart, never as a failure. cc_missing lists the failed items, cc_advice the recommended and conditional rules that are not met (建议改进, amber: walking distances of 2.2 are a principle, 以…为原则, so they are advice unless the standard walking_required is chosen).&lt;br&gt;The parameters are those of evaluate_facilities, evaluate_walking_access and evaluate_life_circle; only the communities, their population field, the facilities and their category field are required. Without a road network, distances are straight lines × the detour factor and no service areas are drawn. Service areas (advanced): streets by default — each street piece within the limit drawn once with its nearest facility, one search per category, seconds for a city; polygons per facility cost a buffer each (minutes for a city); or none; by default for the categories of the community walking rules (the 1,000 m life-circle ones, which cover most of a city, when named). The standard and the walking network are read once and shared by every step.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output GeoPackage&lt;/b&gt;: communities (styled by cc_status, labelled with name and score), community_rules, walking_routes, service_areas, life_circles and life_circle_rules, facilities and facility_areas (classified), facilities_not_counted (and walking_origins with origins) — each with its style saved as the layer's default, so it opens styled in QGIS. &lt;b&gt;Report&lt;/b&gt;: one HTML file that opens without a network: summary, score chart, most frequently missing items, every community item by item, walking distances, life circles, inputs and data problems, and the map. &lt;b&gt;Map&lt;/b&gt; (optional): PDF or PNG.&lt;br&gt;&lt;br&gt;Example (qgis_process): see README, 'Running with qgis_process'.</source>
        <translation type="obsolete">一次完成全部检查：居住社区规模（2.2）、20 项建设内容（2.3）、基于路网的步行距离、十五分钟生活圈（2.4）、设施服务范围、可打印的评估图和评估报告。&lt;br&gt;&lt;br&gt;每个社区一次性对照标准的全部社区规则评估，因此 cc_status 是完整的结论。只有必备项（应/须/要）决定结论：一个项目（20 项建设内容及规模）的适用必备规则全部达标即为达标，任一不达标即为不达标，否则为数据不足；有项目不达标时 cc_status 为不达标，无不达标但有项目数据不足时为数据不足，否则为达标。cc_score = 100 × cc_items_met ÷（cc_items_met + cc_items_failed），无法判定任何项目时为空；cc_items_no_data 单独计数，从不算作不达标。cc_missing 列出不达标的项目，cc_advice 列出未满足的推荐项和条件项（建议改进，琥珀色：2.2 的步行距离是“以…为原则”，因此除非选用标准 walking_required，否则只作为建议）。&lt;br&gt;参数与配套设施评估、步行可达性评估和十五分钟生活圈评估相同；只有社区图层、常住人口字段、设施图层及其类别字段为必填。没有路网时距离按直线距离 × 绕行系数计算，且不绘制服务范围。服务范围（高级参数）：默认为道路——限值内的每段道路只绘制一次，归属最近的设施，每个类别一次搜索，全市只需数秒；按设施绘制面需要逐个缓冲（全市需数分钟）；也可不绘制；默认只绘制社区步行规则涉及的设施类别（1000 米的十五分钟生活圈设施几乎覆盖全市，需要时按名称指定）。标准和步行路网只读取一次，供所有步骤共用。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;评估结果 GeoPackage&lt;/b&gt;：communities（按 cc_status 着色，标注名称和得分）、community_rules、walking_routes、service_areas、life_circles 和 life_circle_rules、facilities 和 facility_areas（已分类）、facilities_not_counted（有出发点时还有 walking_origins）——每个图层的样式都保存为默认样式，在 QGIS 中打开即带样式。&lt;b&gt;评估报告&lt;/b&gt;：一个无需联网即可打开的 HTML 文件：概况、得分分布图、最常缺失的建设项目、各社区逐项结果、步行距离、生活圈、输入数据与数据问题，以及评估图。&lt;b&gt;评估图&lt;/b&gt;（可选）：PDF 或 PNG。&lt;br&gt;&lt;br&gt;qgis_process 示例：见 README“Running with qgis_process”。</translation>
    </message>
    <message>
        <source>The whole check in one run: community scale (2.2), the 20 construction items (2.3), walking distances on the road network, the 15-minute life circle (2.4), service areas, a printable map and a report.&lt;br&gt;&lt;br&gt;The communities are evaluated against every community rule of the standard at once, so cc_status is the complete verdict. Only required rules (应/须/要) decide: an item (the 20 items, and scale) is met when all its applicable required rules pass, failed when one fails, without enough data otherwise; cc_status is fail when an item fails, no_data when none fails but one lacks data, pass otherwise. cc_score = 100 × cc_items_met ÷ (cc_items_met + cc_items_failed), empty when nothing could be decided; cc_items_no_data counts apart, never as a failure. cc_missing lists the failed items, cc_advice the recommended and conditional rules that are not met (建议改进, amber: walking distances of 2.2 are a principle, 以…为原则, so they are advice unless the standard walking_required is chosen).&lt;br&gt;The parameters are those of evaluate_facilities, evaluate_walking_access and evaluate_life_circle; only the communities, their population field, the facilities and their category field are required. Without a road network, distances are straight lines × the detour factor and no service areas are drawn. Service areas (advanced): streets by default — each street piece within the limit drawn once with its nearest facility, one search per category, seconds for a city; polygons per facility cost a buffer each (minutes for a city); or none; optionally only some categories. The standard and the walking network are read once and shared by every step.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output GeoPackage&lt;/b&gt;: communities (styled by cc_status, labelled with name and score), community_rules, walking_routes, service_areas, life_circles and life_circle_rules, facilities and facility_areas (classified), facilities_not_counted (and walking_origins with origins) — each with its style saved as the layer's default, so it opens styled in QGIS. &lt;b&gt;Report&lt;/b&gt;: one HTML file that opens without a network: summary, score chart, most frequently missing items, every community item by item, walking distances, life circles, inputs and data problems, and the map. &lt;b&gt;Map&lt;/b&gt; (optional): PDF or PNG.&lt;br&gt;&lt;br&gt;Example (qgis_process): see README, 'Running with qgis_process'.</source>
        <translation type="obsolete">一次完成全部检查：居住社区规模（2.2）、20 项建设内容（2.3）、基于路网的步行距离、十五分钟生活圈（2.4）、设施服务范围、可打印的评估图和评估报告。&lt;br&gt;&lt;br&gt;每个社区一次性对照标准的全部社区规则评估，因此 cc_status 是完整的结论。只有必备项（应/须/要）决定结论：一个项目（20 项建设内容及规模）的适用必备规则全部达标即为达标，任一不达标即为不达标，否则为数据不足；有项目不达标时 cc_status 为不达标，无不达标但有项目数据不足时为数据不足，否则为达标。cc_score = 100 × cc_items_met ÷（cc_items_met + cc_items_failed），无法判定任何项目时为空；cc_items_no_data 单独计数，从不算作不达标。cc_missing 列出不达标的项目，cc_advice 列出未满足的推荐项和条件项（建议改进，琥珀色：2.2 的步行距离是“以…为原则”，因此除非选用标准 walking_required，否则只作为建议）。&lt;br&gt;参数与配套设施评估、步行可达性评估和十五分钟生活圈评估相同；只有社区图层、常住人口字段、设施图层及其类别字段为必填。没有路网时距离按直线距离 × 绕行系数计算，且不绘制服务范围。服务范围（高级参数）：默认为道路——限值内的每段道路只绘制一次，归属最近的设施，每个类别一次搜索，全市只需数秒；按设施绘制面需要逐个缓冲（全市需数分钟）；也可不绘制，或只绘制部分类别。标准和步行路网只读取一次，供所有步骤共用。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;评估结果 GeoPackage&lt;/b&gt;：communities（按 cc_status 着色，标注名称和得分）、community_rules、walking_routes、service_areas、life_circles 和 life_circle_rules、facilities 和 facility_areas（已分类）、facilities_not_counted（有出发点时还有 walking_origins）——每个图层的样式都保存为默认样式，在 QGIS 中打开即带样式。&lt;b&gt;评估报告&lt;/b&gt;：一个无需联网即可打开的 HTML 文件：概况、得分分布图、最常缺失的建设项目、各社区逐项结果、步行距离、生活圈、输入数据与数据问题，以及评估图。&lt;b&gt;评估图&lt;/b&gt;（可选）：PDF 或 PNG。&lt;br&gt;&lt;br&gt;qgis_process 示例：见 README“Running with qgis_process”。</translation>
    </message>
    <message>
        <source>The whole check in one run: community scale (2.2), the 20 construction items (2.3), walking distances on the road network, the 15-minute life circle (2.4), service areas, a printable map and a report.&lt;br&gt;&lt;br&gt;The communities are evaluated against every community rule of the standard at once, so cc_status is the complete verdict. Only required rules (应/须/要) decide: an item (the 20 items, and scale) is met when all its applicable required rules pass, failed when one fails, without enough data otherwise; cc_status is fail when an item fails, no_data when none fails but one lacks data, pass otherwise. cc_score = 100 × cc_items_met ÷ (cc_items_met + cc_items_failed), empty when nothing could be decided; cc_items_no_data counts apart, never as a failure. cc_missing lists the failed items, cc_advice the recommended and conditional rules that are not met (建议改进, amber: walking distances of 2.2 are a principle, 以…为原则, so they are advice unless the standard walking_required is chosen).&lt;br&gt;The parameters are those of evaluate_facilities, evaluate_walking_access and evaluate_life_circle; only the communities, their population field, the facilities and their category field are required. Without a road network, distances are straight lines × the detour factor and no service areas are drawn.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output GeoPackage&lt;/b&gt;: communities (styled by cc_status, labelled with name and score), community_rules, walking_routes, service_areas, life_circles and life_circle_rules, facilities and facility_areas (classified), facilities_not_counted (and walking_origins with origins) — each with its style saved as the layer's default, so it opens styled in QGIS. &lt;b&gt;Report&lt;/b&gt;: one HTML file that opens without a network: summary, score chart, most frequently missing items, every community item by item, walking distances, life circles, inputs and data problems, and the map. &lt;b&gt;Map&lt;/b&gt; (optional): PDF or PNG.&lt;br&gt;&lt;br&gt;Example (qgis_process): see README, 'Running with qgis_process'.</source>
        <translation type="obsolete">一次完成全部检查：居住社区规模（2.2）、20 项建设内容（2.3）、基于路网的步行距离、十五分钟生活圈（2.4）、设施服务范围、可打印的评估图和评估报告。&lt;br&gt;&lt;br&gt;每个社区一次性对照标准的全部社区规则评估，因此 cc_status 是完整的结论。只有必备项（应/须/要）决定结论：一个项目（20 项建设内容及规模）的适用必备规则全部达标即为达标，任一不达标即为不达标，否则为数据不足；有项目不达标时 cc_status 为不达标，无不达标但有项目数据不足时为数据不足，否则为达标。cc_score = 100 × cc_items_met ÷（cc_items_met + cc_items_failed），无法判定任何项目时为空；cc_items_no_data 单独计数，从不算作不达标。cc_missing 列出不达标的项目，cc_advice 列出未满足的推荐项和条件项（建议改进，琥珀色：2.2 的步行距离是“以…为原则”，因此除非选用标准 walking_required，否则只作为建议）。&lt;br&gt;参数与配套设施评估、步行可达性评估和十五分钟生活圈评估相同；只有社区图层、常住人口字段、设施图层及其类别字段为必填。没有路网时距离按直线距离 × 绕行系数计算，且不绘制服务范围。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;评估结果 GeoPackage&lt;/b&gt;：communities（按 cc_status 着色，标注名称和得分）、community_rules、walking_routes、service_areas、life_circles 和 life_circle_rules、facilities 和 facility_areas（已分类）、facilities_not_counted（有出发点时还有 walking_origins）——每个图层的样式都保存为默认样式，在 QGIS 中打开即带样式。&lt;b&gt;评估报告&lt;/b&gt;：一个无需联网即可打开的 HTML 文件：概况、得分分布图、最常缺失的建设项目、各社区逐项结果、步行距离、生活圈、输入数据与数据问题，以及评估图。&lt;b&gt;评估图&lt;/b&gt;（可选）：PDF 或 PNG。&lt;br&gt;&lt;br&gt;qgis_process 示例：见 README“Running with qgis_process”。</translation>
    </message>
    <message>
        <source>The whole check in one run: community scale (2.2), the 20 construction items (2.3), walking distances on the road network, the 15-minute life circle (2.4), service areas, a printable map and a report.&lt;br&gt;&lt;br&gt;The communities are evaluated against every community rule of the standard at once, so cc_status is the complete verdict: pass when every applicable required rule passes (walking distances included), fail when one fails, no_data when none fails but decisive data is missing; cc_score is the share of the applicable required rules that pass, cc_missing lists the failed items.&lt;br&gt;The parameters are those of evaluate_facilities, evaluate_walking_access and evaluate_life_circle; only the communities, their population field, the facilities and their category field are required. Without a road network, distances are straight lines × the detour factor and no service areas are drawn.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output GeoPackage&lt;/b&gt;: communities (styled by cc_status, labelled with name and score), community_rules, walking_routes, service_areas, life_circles and life_circle_rules, facilities and facility_areas (classified), facilities_not_counted (and walking_origins with origins) — each with its style saved as the layer's default, so it opens styled in QGIS. &lt;b&gt;Report&lt;/b&gt;: one HTML file that opens without a network: summary, score chart, most frequently missing items, every community item by item, walking distances, life circles, inputs and data problems, and the map. &lt;b&gt;Map&lt;/b&gt; (optional): PDF or PNG.&lt;br&gt;&lt;br&gt;Example (qgis_process): see README, 'Running with qgis_process'.</source>
        <translation type="obsolete">一次完成全部检查：居住社区规模（2.2）、20 项建设内容（2.3）、基于路网的步行距离、十五分钟生活圈（2.4）、设施服务范围、可打印的评估图和评估报告。&lt;br&gt;&lt;br&gt;每个社区一次性对照标准的全部社区规则评估，因此 cc_status 是完整的结论：适用的强制性规则（含步行距离）全部达标时为达标，任一不达标时为不达标，无不达标但关键数据缺失时为数据不足；cc_score 为适用的强制性规则中达标的比例，cc_missing 列出不达标的建设项目。&lt;br&gt;参数与配套设施评估、步行可达性评估和十五分钟生活圈评估相同；只有社区图层、常住人口字段、设施图层及其类别字段为必填。没有路网时距离按直线距离 × 绕行系数计算，且不绘制服务范围。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;评估结果 GeoPackage&lt;/b&gt;：communities（按 cc_status 着色，标注名称和得分）、community_rules、walking_routes、service_areas、life_circles 和 life_circle_rules、facilities 和 facility_areas（已分类）、facilities_not_counted（有出发点时还有 walking_origins）——每个图层的样式都保存为默认样式，在 QGIS 中打开即带样式。&lt;b&gt;评估报告&lt;/b&gt;：一个无需联网即可打开的 HTML 文件：概况、得分分布图、最常缺失的建设项目、各社区逐项结果、步行距离、生活圈、输入数据与数据问题，以及评估图。&lt;b&gt;评估图&lt;/b&gt;（可选）：PDF 或 PNG。&lt;br&gt;&lt;br&gt;qgis_process 示例：见 README“Running with qgis_process”。</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>The whole check in one run: community scale (2.2), the construction items (2.3), walking distances on the road network, the 15-minute life circle (2.4), service areas, a printable map and a report.&lt;br&gt;&lt;br&gt;The communities are evaluated against every community rule of the standard at once, so cc_status is the complete verdict. Only required rules (应/须/要) decide: an item (each construction item, and scale) is met when all its applicable required rules pass, failed when one fails, without enough data otherwise; cc_status is fail when an item fails, no_data when none fails but one lacks data, pass otherwise. cc_score = 100 × cc_items_met ÷ (cc_items_met + cc_items_failed), empty when nothing could be decided; cc_items_no_data counts apart, never as a failure. cc_missing lists the failed items, cc_advice the recommended and conditional rules that are not met (建议改进, amber: walking distances of 2.2 are a principle, 以…为原则, so they are advice unless the standard walking_required is chosen).&lt;br&gt;The parameters are those of evaluate_facilities, evaluate_walking_access and evaluate_life_circle; only the communities, their population field, the facilities and their category field are required. Without a road network, distances are straight lines × the detour factor and no service areas are drawn. Service areas (advanced): streets by default — each street piece within the limit drawn once with its nearest facility, one search per category, seconds for a city; polygons per facility cost a buffer each (minutes for a city); or none; by default for the categories of the community walking rules (the life-circle ones, whose longer limits cover most of a city, when named). The standard and the walking network are read once and shared by every step.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output GeoPackage&lt;/b&gt;: communities (styled by cc_status, labelled with name and score), community_rules, walking_routes, service_areas, life_circles and life_circle_rules, facilities and facility_areas (classified), facilities_not_counted (and walking_origins with origins) — each with its style saved as the layer's default, so it opens styled in QGIS. &lt;b&gt;Report&lt;/b&gt;: one HTML file that opens without a network: summary, score chart, most frequently missing items, every community item by item, walking distances, life circles, inputs and data problems, and the map. &lt;b&gt;Map&lt;/b&gt; (optional): PDF or PNG.&lt;br&gt;&lt;br&gt;&lt;b&gt;Area field&lt;/b&gt; or &lt;b&gt;area polygons&lt;/b&gt; (optional): figures by street or district (area_summary table, and a table in the report's summary). &lt;b&gt;Prepared by&lt;/b&gt;: the organisation named in the report.&lt;br&gt;&lt;br&gt;Example (qgis_process): see README, 'Running with qgis_process'.</source>
        <translation>一次完成全部检查：居住社区规模（2.2）、各项建设内容（2.3）、基于路网的步行距离、十五分钟生活圈（2.4）、设施服务范围、可打印的评估图和评估报告。&lt;br&gt;&lt;br&gt;每个社区一次性对照标准的全部社区规则评估，因此 cc_status 是完整的结论。只有必备项（应/须/要）决定结论：一个项目（各项建设内容及规模）的适用必备规则全部达标即为达标，任一不达标即为不达标，否则为数据不足；有项目不达标时 cc_status 为不达标，无不达标但有项目数据不足时为数据不足，否则为达标。cc_score = 100 × cc_items_met ÷（cc_items_met + cc_items_failed），无法判定任何项目时为空；cc_items_no_data 单独计数，从不算作不达标。cc_missing 列出不达标的项目，cc_advice 列出未满足的推荐项和条件项（建议改进，琥珀色：2.2 的步行距离是“以…为原则”，因此除非选用标准 walking_required，否则只作为建议）。&lt;br&gt;参数与配套设施评估、步行可达性评估和十五分钟生活圈评估相同；只有社区图层、常住人口字段、设施图层及其类别字段为必填。没有路网时距离按直线距离 × 绕行系数计算，且不绘制服务范围。服务范围（高级参数）：默认为道路——限值内的每段道路只绘制一次，归属最近的设施，每个类别一次搜索，全市只需数秒；按设施绘制面需要逐个缓冲（全市需数分钟）；也可不绘制；默认只绘制社区步行规则涉及的设施类别（十五分钟生活圈设施的限值较长，几乎覆盖全市，需要时按名称指定）。标准和步行路网只读取一次，供所有步骤共用。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;评估结果 GeoPackage&lt;/b&gt;：communities（按 cc_status 着色，标注名称和得分）、community_rules、walking_routes、service_areas、life_circles 和 life_circle_rules、facilities 和 facility_areas（已分类）、facilities_not_counted（有出发点时还有 walking_origins）——每个图层的样式都保存为默认样式，在 QGIS 中打开即带样式。&lt;b&gt;评估报告&lt;/b&gt;：一个无需联网即可打开的 HTML 文件：概况、得分分布图、最常缺失的建设项目、各社区逐项结果、步行距离、生活圈、输入数据与数据问题，以及评估图。&lt;b&gt;评估图&lt;/b&gt;（可选）：PDF 或 PNG。&lt;br&gt;&lt;br&gt;&lt;b&gt;区域字段&lt;/b&gt;或&lt;b&gt;区域面图层&lt;/b&gt;（可选）：按街道或区汇总的统计（area_summary 表，并在报告摘要中列表）。&lt;b&gt;编制单位&lt;/b&gt;：报告中署名的单位。&lt;br&gt;&lt;br&gt;qgis_process 示例：见 README“Running with qgis_process”。</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>The workbook must be an .xlsx file: {}</source>
        <translation>工作簿必须是 .xlsx 文件：{}</translation>
    </message>
    <message>
        <source>Total building floor area field (m²)</source>
        <translation type="obsolete">物业总建筑面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Walking origins</source>
        <translation>步行出发点</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Walking routes</source>
        <translation>步行路线</translation>
    </message>
    <message>
        <source>Walking speed (m/min); empty: the standard's</source>
        <translation type="obsolete">步行速度（米/分钟）；为空时采用标准的取值</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Workbook (Excel)</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>Written: {}</source>
        <translation>已写出：{}</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>{} of {} communities have an ESTIMATED population ({}: {}), not a counted one: {}</source>
        <translation>{} 个社区（共 {} 个）的人口为【估算值】（{}：{}），并非统计数：{}</translation>
    </message>
    <message>
        <location filename="../processing/assess.py"/>
        <source>{} — {} features, {}</source>
        <translation>{} — {} 个要素，{}</translation>
    </message>
</context>
<context>
    <name>AssessDialog</name>
    <message>
        <location filename="../ui/assess_dialog.py"/>
        <source>Complete Community</source>
        <translation>完整居住社区</translation>
    </message>
    <message>
        <location filename="../ui/assess_dialog.py"/>
        <source>No polygon layer of residential communities is loaded: add one, then choose it in the dialog.</source>
        <translation>项目中没有居住社区面图层：请先加载，再在对话框中选择。</translation>
    </message>
    <message>
        <location filename="../ui/assess_dialog.py"/>
        <source>The assessment algorithm is not available: is the Processing plugin enabled?</source>
        <translation>综合评估算法不可用：“处理”（Processing）插件是否已启用？</translation>
    </message>
</context>
<context>
    <name>AtlasLayout</name>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Could not write the atlas to {}.</source>
        <translation>无法写出图集：{}。</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Every item</source>
        <translation>各建设项目结果</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Every required item is met.</source>
        <translation>各项强制性要求均已达标。</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Every rule is met.</source>
        <translation>各项规则均已满足。</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Item</source>
        <translation>建设项目</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Level</source>
        <translation>要求类别</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Measured</source>
        <translation>实测值</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Missing</source>
        <translation>缺项</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Missing items and the guide's advice</source>
        <translation>缺项及指南建议</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>No required item is known to fail, but the data cannot decide some: see the rules not met above.</source>
        <translation>没有已知不达标的强制性项目，但部分项目数据不足、无法判定：见上方未满足的规则。</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Rules not met (required, advisory, undecided)</source>
        <translation>未满足的规则（强制、建议、数据不足）</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Status</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>The atlas was cancelled.</source>
        <translation>图集输出已取消。</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Threshold</source>
        <translation>标准值</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>Walking route: {}</source>
        <translation>步行路线：{}</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>page [% @atlas_featurenumber %] of [% @atlas_totalfeatures %]</source>
        <translation>第 [% @atlas_featurenumber %] 页，共 [% @atlas_totalfeatures %] 页</translation>
    </message>
    <message>
        <location filename="../report/atlas_layout.py"/>
        <source>… and {} more: see the workbook or the report</source>
        <translation>……另有 {} 条，见工作簿或报告</translation>
    </message>
</context>
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
        <source>&lt;b&gt;Example&lt;/b&gt;: a POI layer whose field 类型 holds 快递柜, 菜鸟驿站 and 社区卫生服务中心 gets cc_category express_locker, express_station and health_station; a label such as 宠物医院 is listed once in the log, with its count, and kept with an empty category.</source>
        <translation>&lt;b&gt;示例&lt;/b&gt;：POI 图层的“类型”字段为 快递柜、菜鸟驿站 和 社区卫生服务中心 的要素，cc_category 分别为 express_locker、express_station 和 health_station；宠物医院 之类无法识别的名称会在日志中按数量列出一次，并保留为空类别。</translation>
    </message>
    <message>
        <source>Cannot open the category mapping table {}.</source>
        <translation type="obsolete">无法打开设施类别对照表 {}。</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Category field</source>
        <translation>设施类别字段</translation>
    </message>
    <message>
        <source>Category mapping table (value → category code)</source>
        <translation type="obsolete">设施类别对照表（原始值 → 类别代码）</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Classified facilities</source>
        <translation>已分类设施</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Classify facilities</source>
        <translation>设施分类</translation>
    </message>
    <message>
        <source>Classify facilities (设施分类)</source>
        <translation type="obsolete">设施分类</translation>
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
        <source>Layer {}: {} feature(s) have coordinates that are not finite numbers (feature ids {}{}); they are kept without geometry and cannot be located.</source>
        <translation>图层 {}：{} 个要素的坐标不是有限数值（要素 ID {}{}），已保留但不含几何，无法定位。</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Layer {}: {} feature(s) have no or empty geometry (feature ids {}{}); they are kept but cannot be located.</source>
        <translation>图层 {}：{} 个要素没有几何或几何为空（要素 ID {}{}），已保留，但无法定位。</translation>
    </message>
    <message>
        <source>Mapping tables (*.csv *.xlsx *.ods *.gpkg *.dbf);;All files (*)</source>
        <translation type="obsolete">对照表 (*.csv *.xlsx *.ods *.gpkg *.dbf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>Reads the category field of a facility layer (POIs or polygons) and assigns each feature the standard's facility category — e.g. 快递柜 and 智能信包箱 become express_locker, 菜鸟驿站 becomes express_station, 'shop=supermarket' becomes supermarket — using the Chinese names, synonyms, English codes and OpenStreetMap tags listed in the standard. Matching ignores case, spaces and full-width forms.&lt;br&gt;&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt;: point or polygon layer. &lt;b&gt;Category field&lt;/b&gt;: the field holding the label. &lt;b&gt;Category mapping table&lt;/b&gt; (optional): a CSV, spreadsheet or GeoPackage table with two columns, value and category (code), consulted before the standard's own names — use it for your city's naming.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every input feature and field, plus cc_category (code), cc_category_name, cc_item and cc_item_name; labels that match nothing are kept with an empty category and listed once, with their counts, in the log. The layer is styled by category; in a GeoPackage the style is saved as the layer's default.</source>
        <translation>读取设施图层（POI 或面）的类别字段，依据标准中列出的中文名称、同义词、英文代码和 OpenStreetMap 标签，为每个要素确定标准规定的设施类别——例如“快递柜”“智能信包箱”归为 express_locker，“菜鸟驿站”归为 express_station，'shop=supermarket' 归为 supermarket。匹配时不区分大小写，并忽略空格及全角/半角差异。&lt;br&gt;&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;：点或面图层。&lt;b&gt;设施类别字段&lt;/b&gt;：存放类别标签的字段。&lt;b&gt;设施类别对照表&lt;/b&gt;（可选）：CSV、电子表格或 GeoPackage 表，两列分别为原始值和类别代码，优先于标准自带的名称使用——用于适配本市的命名习惯。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：保留全部输入要素和字段，并增加 cc_category（类别代码）、cc_category_name、cc_item 和 cc_item_name；未能匹配的标签，其要素仍予保留、类别留空，并在日志中汇总列出一次（附数量）。输出图层按设施类别设置样式；写入 GeoPackage 时，样式保存为该图层的默认样式。</translation>
    </message>
    <message>
        <source>The category mapping table {} needs two columns: value and category.</source>
        <translation type="obsolete">设施类别对照表 {} 需要两列：原始值和类别代码。</translation>
    </message>
    <message>
        <location filename="../processing/classify_facilities.py"/>
        <source>The facility layer {} has no field '{}'.</source>
        <translation>设施图层 {} 没有字段 '{}'。</translation>
    </message>
    <message>
        <source>{}, row {}</source>
        <translation type="obsolete">{}，第 {} 行</translation>
    </message>
</context>
<context>
    <name>CommunityEvaluationAlgorithm</name>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Areas and distances are measured in {} ({}).</source>
        <translation>面积和距离在 {}（{}）中量算。</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Attribute code</source>
        <translation>属性代码</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Category field of the facility areas</source>
        <translation>设施用地图层的类别字段</translation>
    </message>
    <message>
        <source>Category field of the planned facilities (empty: the facilities' category field, or the category field suggest_sites writes)</source>
        <translation type="obsolete">规划设施的类别字段（为空时：采用设施图层的类别字段，或补短板选址输出的类别字段）</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Communities by {}: {}</source>
        <translation>按 {} 统计社区：{}</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Community attributes read from fields of the same name: {}</source>
        <translation>以下社区属性取自同名字段：{}</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Community id field</source>
        <translation>社区编号字段</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Community name field</source>
        <translation>社区名称字段</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Community type field (新建/既有 or new/existing)</source>
        <translation>社区类型字段（新建/既有 或 new/existing）</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Community type where the type field is absent or empty</source>
        <translation>未给出类型字段或类型为空时的社区类型</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Count facilities up to this distance outside a community (m)</source>
        <translation>社区边界外此距离内的设施也计入该社区（米）</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Evaluated communities</source>
        <translation>评估后的社区</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Evaluating the rules and writing the communities…</source>
        <translation>正在评估规则并写出社区…</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Facilities not counted for any community</source>
        <translation>未计入任何社区的设施</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Facilities were given without a category field: choose the field of {} that holds the facility type.</source>
        <translation>给出了设施图层但未指定类别字段：请选择 {} 中记录设施类型的字段。</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Facility areas (polygons: parks, grounds, courts), optional</source>
        <translation>设施用地（面：游园、活动场地、运动场地），可选</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Facility category field</source>
        <translation>设施类别字段</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Households field</source>
        <translation>户数字段</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Layer {}: facility attributes from {}</source>
        <translation>图层 {}：设施属性取自 {}</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Layer {}: no field for {}; the rules that need them get no_data. Name a field after the attribute code or map it in the parameters.</source>
        <translation>图层 {}：没有记录 {} 的字段，需要这些数据的规则结果为“数据不足”。请按属性代码命名字段，或在参数中指定对应字段。</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Nothing to colour by: {} is not evaluated.</source>
        <translation>无法按 {} 着色：本次评估不包含该项。</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Other community attributes: attribute code → field (unlisted ones are matched by name)</source>
        <translation>其他社区属性：属性代码 → 字段（未列出的按字段名自动匹配）</translation>
    </message>
    <message>
        <source>Planned facilities (points or polygons), evaluated with the existing ones</source>
        <translation type="obsolete">规划设施（点或面），与现有设施一起评估</translation>
    </message>
    <message>
        <source>Planned facilities from {}: {} recognised; the verdict without them is written beside the verdict with them (…_before).</source>
        <translation type="obsolete">规划设施来自 {}：识别 {} 处；不含规划设施的结论写在含规划设施的结论旁（…_before 字段）。</translation>
    </message>
    <message>
        <source>Planned facilities were given without a category field: choose the field of {} that holds the facility type.</source>
        <translation type="obsolete">给出了规划设施但没有类别字段：请选择 {} 中表示设施类型的字段。</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Resident population field</source>
        <translation>常住人口字段</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Residential communities</source>
        <translation>居住社区</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Results per rule</source>
        <translation>逐条规则结果</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>The community layer {} has no features.</source>
        <translation>社区图层 {} 没有要素。</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>The community layer {} has no field '{}' (for {}).</source>
        <translation>社区图层 {} 没有字段“{}”（用于 {}）。</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>The facility layer {} has no field '{}' (for {}).</source>
        <translation>设施图层 {} 没有字段“{}”（用于 {}）。</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>Workbook (Excel)</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>category not recognised</source>
        <translation type="obsolete">类别无法识别</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>existing (既有)</source>
        <translation>既有（existing）</translation>
    </message>
    <message>
        <source>inside no community</source>
        <translation type="obsolete">不在任何社区内</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>new (新建)</source>
        <translation>新建（new）</translation>
    </message>
    <message>
        <source>no usable geometry</source>
        <translation type="obsolete">无可用几何</translation>
    </message>
    <message>
        <location filename="../processing/community_evaluation.py"/>
        <source>{} recognised facilities lie in no community (not counted).</source>
        <translation>{} 个已识别的设施不在任何社区内（未计入）。</translation>
    </message>
</context>
<context>
    <name>CompleteCommunity</name>
    <message>
        <location filename="../styles/compliance.py"/>
        <source>Complete-community rate {}</source>
        <translation>完整社区达标率 {}</translation>
    </message>
</context>
<context>
    <name>CompleteCommunityAlgorithm</name>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source> Did you mean {}?</source>
        <translation> 是否指 {}？</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>&lt;b&gt;Standard&lt;/b&gt;: leave empty for the national guide ({}), give a built-in id ({}), or a YAML file of your city's standard, which may extend a built-in one (see README, 'Standards').</source>
        <translation>&lt;b&gt;标准&lt;/b&gt;：留空则使用国家指南（{}）；也可填写内置标准编号（{}），或本市标准的 YAML 文件，该文件可在内置标准基础上扩展（见 README“Standards”一节）。</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>&lt;b&gt;What {} asks&lt;/b&gt; (a standard you choose may differ; describe_standard lists it):&lt;br&gt;{}</source>
        <translation>&lt;b&gt;《{}》的要求&lt;/b&gt;（所选标准可能不同；标准条款表算法会列出）：&lt;br&gt;{}</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Built-in standards: {}</source>
        <translation>内置标准：{}</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Cannot open the category mapping table {}.</source>
        <translation>无法打开设施类别对照表 {}。</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Category mapping table (value → category code)</source>
        <translation>设施类别对照表（原始值 → 类别代码）</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Community evaluation</source>
        <translation>社区评估</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Mapping tables (*.csv *.xlsx *.ods *.gpkg *.dbf);;All files (*)</source>
        <translation>对照表 (*.csv *.xlsx *.ods *.gpkg *.dbf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Results are written to the folder {}</source>
        <translation>结果写入文件夹 {}</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>Standard (a built-in id or a YAML file; empty: the national guide)</source>
        <translation>标准（内置标准或 YAML 文件；留空为国家指南）</translation>
    </message>
    <message>
        <source>Standard (empty: the national guide; or a built-in id, or a YAML file)</source>
        <translation type="obsolete">标准（留空为国家指南；或内置标准编号、YAML 文件）</translation>
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
        <source>The category mapping table {} needs two columns: value and category.</source>
        <translation>设施类别对照表 {} 需要两列：原始值和类别代码。</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>YAML standards (*.yaml *.yml);;All files (*)</source>
        <translation>YAML 标准文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>no geometry</source>
        <translation>无几何</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>{} ({}): '{}' is not a finite number.</source>
        <translation>{}（{}）：“{}”不是有限的数值。</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>{} ({}): the coordinate reference system of the layer {} is undefined ('{}'), so its coordinates cannot be measured in metres. Set its CRS (Layer Properties → Source) and run again.</source>
        <translation>{}（{}）：图层 {} 的坐标参考系未定义（“{}”），无法按米量算其坐标。请设置其坐标参考系（图层属性 → 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>{} ({}): the coordinate reference system of the layer {} is undefined ('{}'); its coordinates are taken as longitude and latitude on WGS84. If they are not, set its CRS (Layer Properties → Source) and run again.</source>
        <translation>{}（{}）：图层 {} 的坐标参考系未定义（“{}”）；其坐标按 WGS84 经纬度处理。如果不是经纬度，请设置其坐标参考系（图层属性 → 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>{} ({}): the layer {} has no coordinate reference system, so its coordinates cannot be measured in metres. Set its CRS (Layer Properties → Source) and run again.</source>
        <translation>{}（{}）：图层 {} 没有坐标参考系，其坐标无法以米计量。请先设置其坐标参考系（图层属性 → 源），再重新运行。</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>{} ({}): the layer {} has no field '{}'.{}</source>
        <translation>{}（{}）：图层 {} 没有字段“{}”。{}</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>{} ({}): the layer {} holds {}, this input takes {}.</source>
        <translation>{}（{}）：图层 {} 的要素是{}，此输入需要{}。</translation>
    </message>
    <message>
        <location filename="../processing/base_algorithm.py"/>
        <source>{}, row {}</source>
        <translation>{}，第 {} 行</translation>
    </message>
</context>
<context>
    <name>CompleteCommunityPlugin</name>
    <message>
        <location filename="../plugin.py"/>
        <source>Assess communities…</source>
        <translation>综合评估…</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Assess residential communities against the Complete Community Construction Guide</source>
        <translation>按《完整居住社区建设指南》评估居住社区</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Community scorecard</source>
        <translation>社区评估卡</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Complete Community</source>
        <translation>完整居住社区</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>How the plugin checks communities, and how to use it</source>
        <translation>插件如何检查社区，以及如何使用</translation>
    </message>
    <message>
        <location filename="../plugin.py"/>
        <source>Show or hide the scorecard of the community selected on the map</source>
        <translation>显示或隐藏地图上所选社区的评估卡</translation>
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
    <name>ConvertChinaCoordinatesAlgorithm</name>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>&lt;b&gt;Example&lt;/b&gt;: community boundaries drawn over an Amap basemap (GCJ-02), From = GCJ-02, To = WGS84 / CGCS2000: in Wuhan the boundaries move about 500 m south-west and now line up with the surveyed roads.</source>
        <translation>&lt;b&gt;示例&lt;/b&gt;：在高德底图上勾绘的社区边界（GCJ-02），从 = GCJ-02，到 = WGS84 / CGCS2000：在武汉，边界向西南移动约 500 米，与实测道路对齐。</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>BD-09 (Baidu 百度)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>Convert Chinese map coordinates (Amap, Baidu, Tencent)</source>
        <translation>坐标纠偏（高德/百度/腾讯坐标转换）</translation>
    </message>
    <message>
        <source>Convert Chinese map coordinates (坐标纠偏)</source>
        <translation type="obsolete">坐标纠偏（高德/百度/腾讯坐标转换）</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>Converted layer</source>
        <translation>纠偏后的图层</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>Features converted</source>
        <translation>已转换要素数</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>From</source>
        <translation>原坐标系</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>From and To are the same system: the features are copied unchanged.</source>
        <translation>原坐标系与目标坐标系相同：要素原样复制。</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>GCJ-02 (Amap 高德, Tencent 腾讯)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>Layer {}: {} feature(s) could not be reprojected to longitude/latitude (feature ids {}{}); they are kept without geometry.</source>
        <translation>图层 {}：{} 个要素无法投影到经纬度（要素编号 {}{}），已保留但不含几何。</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>Moves every vertex of a layer from the offset coordinates of Chinese web maps to true coordinates, or back. Positions taken from Amap (高德) or Tencent maps are in GCJ-02, those from Baidu in BD-09: 300–700 m away from WGS84/CGCS2000 survey data. Use it for boundaries or roads digitised on an Amap or Baidu basemap before measuring anything with them.&lt;br&gt;&lt;br&gt;&lt;b&gt;Input&lt;/b&gt;: any vector layer (points, lines, polygons) in any CRS; its coordinates are read as longitude/latitude after reprojecting to WGS84 (a layer that says EPSG:4326 but holds GCJ-02 values, as exports usually do, is right as it is). &lt;b&gt;From&lt;/b&gt; / &lt;b&gt;To&lt;/b&gt;: the systems. The inverse conversions are iterated to better than 1 mm; points outside China are left unchanged, as the providers do. CGCS2000 and WGS84 differ by centimetres and are treated as one.&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: the same features and fields, in the input's CRS, with converted geometry.</source>
        <translation>把图层的每个节点从国内网络地图的偏移坐标转换为真实坐标，或反向转换。取自高德或腾讯地图的位置为 GCJ-02，取自百度的为 BD-09，与 WGS84/CGCS2000 测绘数据相差 300—700 米。在高德或百度底图上勾绘的边界或道路，在任何量算之前先用本工具纠偏。&lt;br&gt;&lt;br&gt;&lt;b&gt;输入&lt;/b&gt;：任意矢量图层（点、线、面），任意坐标参考系；其坐标在投影到 WGS84 后按经纬度读取（导出数据常见的“声明 EPSG:4326、实为 GCJ-02 数值”的图层可直接使用）。&lt;b&gt;原坐标系&lt;/b&gt; / &lt;b&gt;目标坐标系&lt;/b&gt;：两个坐标系。反算采用迭代，精度优于 1 毫米；中国范围以外的点保持不变，与地图服务商的做法一致。CGCS2000 与 WGS84 相差仅厘米级，视为同一坐标系。&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：相同的要素与字段，保持输入图层的坐标参考系，几何已转换。</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>The layer {} has no coordinate reference system; set it (usually EPSG:4326 for map exports) before converting.</source>
        <translation>图层 {} 没有坐标参考系；请先设置（地图导出数据通常为 EPSG:4326）再转换。</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>To</source>
        <translation>目标坐标系</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>WGS84 / CGCS2000 (GPS, survey, Tianditu 天地图)</source>
        <translation>WGS84 / CGCS2000（GPS、测绘、天地图）</translation>
    </message>
    <message>
        <location filename="../processing/convert_china_coordinates.py"/>
        <source>{} feature(s) converted from {} to {}.</source>
        <translation>已将 {} 个要素从 {} 转换为 {}。</translation>
    </message>
</context>
<context>
    <name>DescribeStandardAlgorithm</name>
    <message>
        <location filename="../processing/describe_standard.py"/>
        <source>&lt;b&gt;Example&lt;/b&gt;: run it with the standard xiamen_complete_community and filter the rules table on the column defined_in to see which rules the Xiamen index adds to the national guide.</source>
        <translation>&lt;b&gt;示例&lt;/b&gt;：选择标准 xiamen_complete_community 运行，再在规则表中按 defined_in 列筛选，即可看到厦门指标体系在国家指南基础上增加了哪些规则。</translation>
    </message>
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
        <source>Standard rules table</source>
        <translation>标准条款表</translation>
    </message>
    <message>
        <source>Standard rules table (标准条款表)</source>
        <translation type="obsolete">标准条款表</translation>
    </message>
    <message>
        <location filename="../processing/describe_standard.py"/>
        <source>Writes the standard that the evaluations use as tables you can read, filter and print: one row per rule with its item, clause of the guide (e.g. '2.3 表 第2项' is row 2 of the construction standard table), level (required, recommended 以…为宜, where conditions allow 具备条件的, informative), the community type it applies to (new 新建 / existing 既有), the requirement in words and its numbers; and the facility category catalogue with every name and OpenStreetMap tag that is recognised.&lt;br&gt;{}&lt;br&gt;Use it to check a local standard before an evaluation, or to start a category mapping table.</source>
        <translation>将评估所用的标准输出为可阅读、筛选和打印的表格：每条条款一行，包括所属建设内容、指南条款（如“2.3 表 第2项”即建设标准表第2项）、要求程度（必须、宜（以…为宜）、具备条件的、参考）、适用的社区类型（新建 / 既有）、文字表述的要求及其数值；另输出设施类别目录，列出可识别的全部名称和 OpenStreetMap 标签。&lt;br&gt;{}&lt;br&gt;可用于在评估前核对地方标准，或作为编制设施类别对照表的起点。</translation>
    </message>
    <message>
        <location filename="../processing/describe_standard.py"/>
        <source>above the maximum: passes with a note (the upper end of the guide's range is sizing guidance)</source>
        <translation>超过上限：达标并附说明（指南范围的上限是规模指引）</translation>
    </message>
    <message>
        <location filename="../processing/describe_standard.py"/>
        <source>{} rules in {} items, {} facility categories.</source>
        <translation>共 {} 条条款，{} 项建设内容，{} 类设施。</translation>
    </message>
</context>
<context>
    <name>EstimatePopulationAlgorithm</name>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>&lt;b&gt;Example&lt;/b&gt;: a residential block of 6 buildings of 18 floors on 600 m² each: 6 × 600 × 18 ÷ 36.52 ≈ 1,774 residents.</source>
        <translation>&lt;b&gt;示例&lt;/b&gt;：一个居住街坊有 6 栋 18 层住宅，每栋占地 600 平方米：6 × 600 × 18 ÷ 36.52 ≈ 1774 人。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Building footprints</source>
        <translation>建筑轮廓</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Building use field (residential or not)</source>
        <translation>建筑用途字段（是否住宅）</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Choose the floors field (or a height field) of {}: residents are estimated from floor area.</source>
        <translation>请选择 {} 的层数字段（或高度字段）：人口按建筑面积估算。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Communities (optional: sums per community)</source>
        <translation>社区（可选：按社区汇总）</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Communities with estimated population</source>
        <translation>含估算人口的社区</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Communities: {} take the estimate as their population (marked {}).</source>
        <translation>社区：{} 个社区采用估算值作为人口（标记为 {}）。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Estimate population</source>
        <translation>人口估算</translation>
    </message>
    <message>
        <source>Estimate population (人口估算)</source>
        <translation type="obsolete">人口估算</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Estimates residents where population data is missing, from one of two sources.&lt;br&gt;&lt;br&gt;&lt;b&gt;Buildings&lt;/b&gt;: footprints with a floors field (or a height field ÷ the storey height). A building's residents = footprint area (true m²) × floors ÷ &lt;b&gt;floor area per person&lt;/b&gt;. Default {} m²: the 2020 census's housing floor area per person of urban households (第七次全国人口普查, 城市家庭户人均住房建筑面积 36.52 m²); give your city's yearbook figure where you have it. With a &lt;b&gt;use field&lt;/b&gt;, only buildings whose use says housing (住宅, 居住, 商住, residential, apartments, R…) hold residents; without one, every building does. Buildings without floors or height hold nobody and are counted in the log.&lt;br&gt;&lt;b&gt;Population raster&lt;/b&gt;: a grid of residents per cell (e.g. a 100 m WorldPop or census grid): its cells become points with their residents, and communities sum the cells whose centre they contain.&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: the buildings (or raster points) with cc_population_est — use them as ORIGINS of the walking evaluation with ORIGIN_POPULATION_FIELD=cc_population_est. &lt;b&gt;Communities&lt;/b&gt; (optional): each community with cc_population_est (the sum), cc_population (the population field where it has a value, else the estimate) and cc_population_source (surveyed, estimated_buildings or estimated_raster), so an estimated figure is never taken for a counted one; evaluate with POPULATION_FIELD=cc_population.</source>
        <translation>在缺少人口数据时估算居民人数，可任选以下两种来源之一。&lt;br&gt;&lt;br&gt;&lt;b&gt;建筑&lt;/b&gt;：带层数字段（或高度字段 ÷ 层高）的建筑轮廓。每栋建筑的人口 = 基底面积（真实平方米）× 层数 ÷ &lt;b&gt;人均住房建筑面积&lt;/b&gt;。默认 {} 平方米：第七次全国人口普查（2020 年）城市家庭户人均住房建筑面积 36.52 平方米；有本市统计年鉴数据时请填写本市数值。给出&lt;b&gt;用途字段&lt;/b&gt;时，只有用途为住宅（住宅、居住、商住、residential、apartments、R…）的建筑计入人口；不给出时所有建筑都计入。没有层数和高度的建筑不计人口，并在日志中计数。&lt;br&gt;&lt;b&gt;人口栅格&lt;/b&gt;：每个像元为常住人口数的栅格（如 100 米 WorldPop 或普查格网）：像元转为带人口数的点，社区汇总中心点落在其内的像元。&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：带 cc_population_est 的建筑（或栅格点）——可作为步行评估的 ORIGINS，ORIGIN_POPULATION_FIELD=cc_population_est。&lt;b&gt;社区&lt;/b&gt;（可选）：每个社区带 cc_population_est（汇总）、cc_population（人口字段有值时取该值，否则取估算值）和 cc_population_source（surveyed 统计、estimated_buildings 建筑估算或 estimated_raster 栅格估算），估算值不会被当作统计值；评估时使用 POPULATION_FIELD=cc_population。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Floor area per person (m²)</source>
        <translation>人均住房建筑面积（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Floor area per person: {} m².</source>
        <translation>人均住房建筑面积：{} 平方米。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Give either building footprints or a population raster (one of the two).</source>
        <translation>请给出建筑轮廓或人口栅格（二者选一）。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Height field (m), used where floors are missing</source>
        <translation>高度字段（米），层数缺失时使用</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Layer {}: {} building(s) hold no residents — {} (feature ids {}{}).</source>
        <translation>图层 {}：{} 栋建筑不计人口——{}（要素编号 {}{}）。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>No communities given: the communities output is not written.</source>
        <translation>未给出社区：不输出社区结果。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Population (buildings or points)</source>
        <translation>人口（建筑或点）</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Population field of the communities (kept where it has a value)</source>
        <translation>社区人口字段（有值处保留）</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Population raster (residents per cell), instead of buildings</source>
        <translation>人口栅格（每像元人口数），代替建筑</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Raster band</source>
        <translation>栅格波段</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Raster {}: {} × {} cells of {:g} × {:g}, {} populated.</source>
        <translation>栅格 {}：{} × {} 个像元，像元大小 {:g} × {:g}，其中 {} 个有人口。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Residents estimated</source>
        <translation>估算人口</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Residents estimated: {:,.0f}.</source>
        <translation>估算人口：{:,.0f} 人。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>Storey height (m), to read floors from a height</source>
        <translation>层高（米），用于由高度推算层数</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>The floor area per person must be a positive number.</source>
        <translation>人均住房建筑面积必须是正数。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>The layer {} has no field '{}'.</source>
        <translation>图层 {} 没有字段“{}”。</translation>
    </message>
    <message>
        <location filename="../processing/estimate_population.py"/>
        <source>The raster {} has no band {}.</source>
        <translation>栅格 {} 没有第 {} 波段。</translation>
    </message>
</context>
<context>
    <name>EvaluateFacilitiesAlgorithm</name>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Accessible parking spaces field</source>
        <translation>无障碍机动车停车位数字段</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Average daily parcel deliveries field</source>
        <translation>日均邮件快件投递量字段</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Car parking spaces field</source>
        <translation>机动车停车位数字段</translation>
    </message>
    <message>
        <source>Checks each residential community against the 20 construction items of 2.3 完整居住社区建设标准（试行）: whether each facility is there, how many, its building and land area, classes and locker cells, ratios (parking spaces per household, chargers, accessible spaces ≥0.5 % and at least 1, property office ≥2‰ of the floor area and ≥50 m², locker cells 1–1.3 × daily deliveries, sports share of the park 10–15 %), the variants for new (新建) and existing (既有) communities, the allowed alternatives (a 300 m² supermarket, or for existing communities 2–3 convenience stores of 50–100 m²; a 30 m² public toilet or a prefabricated one), and the checklist items (utilities, barrier-free, property management, governance, culture) read from yes/no fields of the community layer. Walking distances come with the walking-access evaluation.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;: polygons with population; households, type (新建/既有) and the fields the rules read — total floor area, parking spaces, charging spaces, accessible spaces, daily deliveries, and yes/no answers (1/0, 是/否, 有/无). A field named like the attribute code (e.g. water_supply, parking_spaces) or its Chinese name (e.g. 供水设施完好) is found by itself; map others in 'Other community attributes' (code, field; describe_standard lists the codes). Attributes without a field are listed in the log, and their rules give no_data.&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt;: POIs or polygons with a category field (Chinese names, synonyms, English codes and OSM tags are recognised; add your own with a category mapping table) and optional building area, land area, usable area, classes, locker cells and sports area fields. Polygon facilities without a land area use their measured area. &lt;b&gt;Facility areas&lt;/b&gt; (optional): a second, polygon layer (parks, grounds, courts) read with the same field names. A facility counts for the community it lies in, or within the given distance of it (facilities on the boundary road).&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every community with all its fields, per item &amp;lt;item&amp;gt;_status (pass, fail, no_data, not_applicable, shown as 达标/不达标/数据不足/不适用), the measured value of each rule (e.g. kindergarten_building_area), cc_items_met / _failed / _no_data / _applicable (an item is met when all its applicable required rules pass), cc_score (100 × met ÷ (met + failed)), cc_status, cc_missing (the failed items), cc_advice (recommended and conditional rules not met: 建议改进) and cc_scope. &lt;b&gt;Results per rule&lt;/b&gt;: clause, measured value, threshold, unit, status and a one-line reason. &lt;b&gt;Facilities not counted&lt;/b&gt;: facilities inside no community, with an unknown category or without geometry. Missing data never fails a rule: it gives no_data unless no possible value could pass. Example: a kindergarten of 2,199.9 m² fails '幼儿园建筑面积 2199.9 m² &lt; 2200 m²'.</source>
        <translation type="obsolete">按 2.3《完整居住社区建设标准（试行）》的 20 项建设内容检查每个社区：设施有无、数量、建筑面积和用地面积、班数和格口数，比例类要求（每户停车位、充电设施、无障碍车位不少于 0.5% 且至少 1 个、物业用房不低于总建筑面积 2‰ 且不低于 50 m²、格口数为日均投递量的 1—1.3 倍、游园体育活动场地占 10%—15%），新建与既有社区的不同要求，允许的替代方式（300 m² 综合超市，或既有社区 2—3 个 50—100 m² 的便利店；30 m² 公共厕所或集成箱体式公厕），以及从社区图层“是/否”字段读取的清单项（市政配套、无障碍、物业管理、社区管理、社区文化）。步行距离见步行可达性评估。&lt;br&gt;&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;：带常住人口的面图层；户数、类型（新建/既有）及规则需要的字段——物业总建筑面积、停车位数、充电车位数、无障碍车位数、日均投递量，以及“是/否”类答案（1/0、是/否、有/无）。以属性代码（如 water_supply、parking_spaces）或中文名（如 供水设施完好）命名的字段会被自动识别；其他字段在“其他社区属性”中指定（属性代码、字段；标准条款表算法列出所有代码）。没有对应字段的属性会在日志中列出，相关规则结果为“数据不足”。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;：带类别字段的 POI 或面（可识别中文名称、同义词、英文代码和 OSM 标签；可用设施类别对照表补充本地名称），以及可选的建筑面积、用地面积、使用面积、班数、格口数、体育活动场地面积字段。没有用地面积的面状设施使用实测面积。&lt;b&gt;设施用地&lt;/b&gt;（可选）：第二个面图层（游园、活动场地、运动场地），按相同字段名读取。设施计入其所在社区，或边界外给定距离内的社区（边界道路上的设施）。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：保留每个社区及其全部字段，并增加各建设项目的 &amp;lt;item&amp;gt;_status（pass、fail、no_data、not_applicable，显示为 达标/不达标/数据不足/不适用）、每条规则的实测值（如 kindergarten_building_area）、cc_items_met / _failed / _no_data / _applicable（项目的适用必备规则全部达标即为达标）、cc_score（100 × 达标项目数 ÷（达标 + 不达标项目数））、cc_status、cc_missing（不达标的项目）、cc_advice（未满足的推荐项和条件项：建议改进）和 cc_scope。&lt;b&gt;逐条规则结果&lt;/b&gt;：条款、实测值、阈值、单位、结果和一句话原因。&lt;b&gt;未计入的设施&lt;/b&gt;：不在任何社区内、类别无法识别或没有几何的设施。数据缺失不会判为不达标：除非任何可能的取值都无法达标，否则结果为“数据不足”。示例：建筑面积 2199.9 m² 的幼儿园判为不达标，原因为“幼儿园建筑面积 2199.9 m² &lt; 2200 m²”。</translation>
    </message>
    <message>
        <source>Checks each residential community against the 20 construction items of 2.3 完整居住社区建设标准（试行）: whether each facility is there, how many, its building and land area, classes and locker cells, ratios (parking spaces per household, chargers, accessible spaces ≥0.5 % and at least 1, property office ≥2‰ of the floor area and ≥50 m², locker cells 1–1.3 × daily deliveries, sports share of the park 10–15 %), the variants for new (新建) and existing (既有) communities, the allowed alternatives (a 300 m² supermarket, or for existing communities 2–3 convenience stores of 50–100 m²; a 30 m² public toilet or a prefabricated one), and the checklist items (utilities, barrier-free, property management, governance, culture) read from yes/no fields of the community layer. Walking distances come with the walking-access evaluation.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;: polygons with population; households, type (新建/既有) and the fields the rules read — total floor area, parking spaces, charging spaces, accessible spaces, daily deliveries, and yes/no answers (1/0, 是/否, 有/无). A field named like the attribute code (e.g. water_supply, parking_spaces) or its Chinese name (e.g. 供水设施完好) is found by itself; map others in 'Other community attributes' (code, field; describe_standard lists the codes). Attributes without a field are listed in the log, and their rules give no_data.&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt;: POIs or polygons with a category field (Chinese names, synonyms, English codes and OSM tags are recognised; add your own with a category mapping table) and optional building area, land area, usable area, classes, locker cells and sports area fields. Polygon facilities without a land area use their measured area. &lt;b&gt;Facility areas&lt;/b&gt; (optional): a second, polygon layer (parks, grounds, courts) read with the same field names. A facility counts for the community it lies in, or within the given distance of it (facilities on the boundary road).&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every community with all its fields, per item &amp;lt;item&amp;gt;_status (pass, fail, no_data, not_applicable, shown as 达标/不达标/数据不足/不适用), the measured value of each rule (e.g. kindergarten_building_area), cc_score (0–100, share of the applicable required rules passed), cc_status (pass when every applicable required rule passes) and cc_missing (the failed items). &lt;b&gt;Results per rule&lt;/b&gt;: clause, measured value, threshold, unit, status and a one-line reason. &lt;b&gt;Facilities not counted&lt;/b&gt;: facilities inside no community, with an unknown category or without geometry. Missing data never fails a rule: it gives no_data unless no possible value could pass. Example: a kindergarten of 2,199.9 m² fails '幼儿园建筑面积 2199.9 m² &lt; 2200 m²'.</source>
        <translation type="obsolete">按 2.3《完整居住社区建设标准（试行）》的 20 项建设内容检查每个社区：设施有无、数量、建筑面积和用地面积、班数和格口数，比例类要求（每户停车位、充电设施、无障碍车位不少于 0.5% 且至少 1 个、物业用房不低于总建筑面积 2‰ 且不低于 50 m²、格口数为日均投递量的 1—1.3 倍、游园体育活动场地占 10%—15%），新建与既有社区的不同要求，允许的替代方式（300 m² 综合超市，或既有社区 2—3 个 50—100 m² 的便利店；30 m² 公共厕所或集成箱体式公厕），以及从社区图层“是/否”字段读取的清单项（市政配套、无障碍、物业管理、社区管理、社区文化）。步行距离见步行可达性评估。&lt;br&gt;&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;：带常住人口的面图层；户数、类型（新建/既有）及规则需要的字段——物业总建筑面积、停车位数、充电车位数、无障碍车位数、日均投递量，以及“是/否”类答案（1/0、是/否、有/无）。以属性代码（如 water_supply、parking_spaces）或中文名（如 供水设施完好）命名的字段会被自动识别；其他字段在“其他社区属性”中指定（属性代码、字段；标准条款表算法列出所有代码）。没有对应字段的属性会在日志中列出，相关规则结果为“数据不足”。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;：带类别字段的 POI 或面（可识别中文名称、同义词、英文代码和 OSM 标签；可用设施类别对照表补充本地名称），以及可选的建筑面积、用地面积、使用面积、班数、格口数、体育活动场地面积字段。没有用地面积的面状设施使用实测面积。&lt;b&gt;设施用地&lt;/b&gt;（可选）：第二个面图层（游园、活动场地、运动场地），按相同字段名读取。设施计入其所在社区，或边界外给定距离内的社区（边界道路上的设施）。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：保留每个社区及其全部字段，并增加各建设项目的 &amp;lt;item&amp;gt;_status（pass、fail、no_data、not_applicable，显示为 达标/不达标/数据不足/不适用）、每条规则的实测值（如 kindergarten_building_area）、cc_score（0—100，适用的强制性规则中达标的比例）、cc_status（适用的强制性规则全部达标时为达标）和 cc_missing（不达标的建设项目）。&lt;b&gt;逐条规则结果&lt;/b&gt;：条款、实测值、阈值、单位、结果和一句话原因。&lt;b&gt;未计入的设施&lt;/b&gt;：不在任何社区内、类别无法识别或没有几何的设施。数据缺失不会判为不达标：除非任何可能的取值都无法达标，否则结果为“数据不足”。示例：建筑面积 2199.9 m² 的幼儿园判为不达标，原因为“幼儿园建筑面积 2199.9 m² &lt; 2200 m²”。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Checks each residential community against the construction items of 2.3 完整居住社区建设标准（试行）: whether each facility is there, how many, its building and land area, classes and locker cells, ratios (parking spaces per household, chargers, accessible spaces, property office per floor area, locker cells per daily deliveries, sports share of the park), the variants for new (新建) and existing (既有) communities, the allowed alternatives (a supermarket, or for existing communities several small convenience stores; a public toilet or a prefabricated one), and the checklist items (utilities, barrier-free, property management, governance, culture) read from yes/no fields of the community layer. Walking distances come with the walking-access evaluation.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;: polygons with population; households, type (新建/既有) and the fields the rules read — total floor area, parking spaces, charging spaces, accessible spaces, daily deliveries, and yes/no answers (1/0, 是/否, 有/无). A field named like the attribute code (e.g. water_supply, parking_spaces) or its Chinese name (e.g. 供水设施完好) is found by itself; map others in 'Other community attributes' (code, field; describe_standard lists the codes). Attributes without a field are listed in the log, and their rules give no_data.&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt;: POIs or polygons with a category field (Chinese names, synonyms, English codes and OSM tags are recognised; add your own with a category mapping table) and optional building area, land area, usable area, classes, locker cells and sports area fields. Polygon facilities without a land area use their measured area. &lt;b&gt;Facility areas&lt;/b&gt; (optional): a second, polygon layer (parks, grounds, courts) read with the same field names. A facility counts for the community it lies in, or within the given distance of it (facilities on the boundary road).&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every community with all its fields, per item &amp;lt;item&amp;gt;_status (pass, fail, no_data, not_applicable, shown as 达标/不达标/数据不足/不适用), the measured value of each rule (e.g. kindergarten_building_area), cc_items_met / _failed / _no_data / _applicable (an item is met when all its applicable required rules pass), cc_score (100 × met ÷ (met + failed)), cc_status, cc_missing (the failed items), cc_advice (recommended and conditional rules not met: 建议改进) and cc_scope. &lt;b&gt;Results per rule&lt;/b&gt;: clause, measured value, threshold, unit, status and a one-line reason. &lt;b&gt;Facilities not counted&lt;/b&gt;: facilities inside no community, with an unknown category or without geometry. Missing data never fails a rule: it gives no_data unless no possible value could pass. The numbers are the chosen standard's: describe_standard lists them. Example: a kindergarten 0.1 m² below the standard's minimum building area fails, with both areas in the reason.</source>
        <translation>按 2.3《完整居住社区建设标准（试行）》的各项建设内容检查每个社区：设施有无、数量、建筑面积和用地面积、班数和格口数，比例类要求（每户停车位、充电设施、无障碍车位、物业用房占总建筑面积的比例、格口数与日均投递量之比、游园体育活动场地占比），新建与既有社区的不同要求，允许的替代方式（综合超市，或既有社区的若干小型便利店；公共厕所或集成箱体式公厕），以及从社区图层“是/否”字段读取的清单项（市政配套、无障碍、物业管理、社区管理、社区文化）。步行距离见步行可达性评估。&lt;br&gt;&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;：带常住人口的面图层；户数、类型（新建/既有）及规则需要的字段——物业总建筑面积、停车位数、充电车位数、无障碍车位数、日均投递量，以及“是/否”类答案（1/0、是/否、有/无）。以属性代码（如 water_supply、parking_spaces）或中文名（如 供水设施完好）命名的字段会被自动识别；其他字段在“其他社区属性”中指定（属性代码、字段；标准条款表算法列出所有代码）。没有对应字段的属性会在日志中列出，相关规则结果为“数据不足”。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;：带类别字段的 POI 或面（可识别中文名称、同义词、英文代码和 OSM 标签；可用设施类别对照表补充本地名称），以及可选的建筑面积、用地面积、使用面积、班数、格口数、体育活动场地面积字段。没有用地面积的面状设施使用实测面积。&lt;b&gt;设施用地&lt;/b&gt;（可选）：第二个面图层（游园、活动场地、运动场地），按相同字段名读取。设施计入其所在社区，或边界外给定距离内的社区（边界道路上的设施）。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：保留每个社区及其全部字段，并增加各建设项目的 &amp;lt;item&amp;gt;_status（pass、fail、no_data、not_applicable，显示为 达标/不达标/数据不足/不适用）、每条规则的实测值（如 kindergarten_building_area）、cc_items_met / _failed / _no_data / _applicable（项目的适用必备规则全部达标即为达标）、cc_score（100 × 达标项目数 ÷（达标 + 不达标项目数））、cc_status、cc_missing（不达标的项目）、cc_advice（未满足的推荐项和条件项：建议改进）和 cc_scope。&lt;b&gt;逐条规则结果&lt;/b&gt;：条款、实测值、阈值、单位、结果和一句话原因。&lt;b&gt;未计入的设施&lt;/b&gt;：不在任何社区内、类别无法识别或没有几何的设施。数据缺失不会判为不达标：除非任何可能的取值都无法达标，否则结果为“数据不足”。具体数值取自所选标准，标准条款表算法会列出。示例：建筑面积比标准下限少 0.1 m² 的幼儿园判为不达标，原因中写明实测面积和要求面积。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Colour the communities by</source>
        <translation>社区着色依据</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Evaluate facility provision</source>
        <translation>配套设施评估</translation>
    </message>
    <message>
        <source>Evaluate facility provision (配套设施评估)</source>
        <translation type="obsolete">配套设施评估（Evaluate facility provision）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Facilities (points or polygons)</source>
        <translation>设施（点或面）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Facility building floor area field (m²)</source>
        <translation>设施建筑面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Facility land area field (m²; polygons: measured when empty)</source>
        <translation>设施用地面积字段（m²；面要素为空时按实测面积）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Facility usable floor area field (m²)</source>
        <translation>设施使用面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Kindergarten classes field</source>
        <translation>幼儿园班数字段</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Other community attributes: '{}' is not an attribute code of the standard (for field '{}'). Known codes: {}</source>
        <translation>其他社区属性：“{}”不是标准中的属性代码（对应字段“{}”）。可用的代码：{}</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Other community attributes: give pairs of attribute code and field; got {} values.</source>
        <translation>其他社区属性：请成对给出属性代码和字段，当前给出了 {} 个值。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Other community attributes: no field given for '{}'.</source>
        <translation>其他社区属性：未给出“{}”对应的字段。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Overall compliance (cc_status)</source>
        <translation>总体达标情况（cc_status）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Parcel locker cells field</source>
        <translation>智能快递箱格口数字段</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Parking spaces with chargers (built or provisioned) field</source>
        <translation>建设充电设施或预留安装条件的车位数字段</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Sports area field (m², parks)</source>
        <translation>体育活动场地面积字段（m²，游园）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>The standard {} has no item {} to colour by.</source>
        <translation>标准 {} 中没有可用于着色的建设项目 {}。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_facilities.py"/>
        <source>Total building floor area field (m²)</source>
        <translation>物业总建筑面积字段（m²）</translation>
    </message>
</context>
<context>
    <name>EvaluateLifeCircleAlgorithm</name>
    <message>
        <source>&lt;b&gt;Example&lt;/b&gt;: without life-circle polygons, the sample district's 14 communities form 5 circles; the one of C13, alone beyond the motorway, has 5,940 residents (fewer than 50,000: advisory) and its walk to the nearest primary school is reported.</source>
        <translation type="obsolete">&lt;b&gt;示例&lt;/b&gt;：不提供生活圈面时，示例街区的 14 个社区组成 5 个生活圈；高速公路以东独自成圈的 C13 只有 5940 名居民（少于 5 万：建议改进），并报告其步行到最近小学的距离。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Example&lt;/b&gt;: without life-circle polygons, the sample district's 14 communities form 5 circles; the one of C13, alone beyond the motorway, has 5,940 residents (fewer than 50,000: fail) and no primary school within 1,000 m.</source>
        <translation type="obsolete">&lt;b&gt;示例&lt;/b&gt;：不提供生活圈面时，示例街区的 14 个社区组成 5 个生活圈；高速公路以东单独成圈的 C13 居住人口 5940 人（少于 5 万：不达标），1000 米内没有小学。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>&lt;b&gt;Example&lt;/b&gt;: without life-circle polygons, the sample district's 14 communities form 5 circles; the one of C13, alone beyond the motorway, has 5,940 residents (fewer than {}: advisory) and its walk to the nearest primary school is reported.</source>
        <translation>&lt;b&gt;示例&lt;/b&gt;：不提供生活圈面时，示例街区的 14 个社区组成 5 个生活圈；高速公路以东独自成圈的 C13 只有 5940 名居民（少于 {}：建议改进），并报告其步行到最近小学的距离。</translation>
    </message>
    <message>
        <source>Checks 15-minute life circles against 2.4 of the guide: 50,000–100,000 residents (居住人口规模为5—10万人) and a service radius of 800–1,000 m — both shown as advice (建议改进, amber) when not met — and reports the walk from the circle's communities to a primary school, a middle school, a care home, a community hospital, a sports hall, a park and a metro station. The guide names those facilities (统筹中小学、养老院、社区医院、运动场馆和公园等设施配套) without a distance, so their distances are reported (仅供参考), never judged; the circle's distance to a facility is that of its farthest-off community. The radius is the rule: the guide's 15 minutes and 1,000 m disagree at its own walking speed, so the minutes are only reported.&lt;br&gt;&lt;br&gt;&lt;b&gt;Life circles&lt;/b&gt; (optional): your own polygons, with a name and optionally a population field; a community belongs to the circle its centroid lies in, and the population is the field's value or the sum of its communities. Without them the communities are grouped: the most populous community not yet grouped starts a circle, which takes in its nearest neighbours one at a time while the circle stays within the radius and the population ceiling of the standard, until it reaches the population floor. Circles that cannot reach the floor (isolated areas) are kept and get the advice on population. The radius of a formed circle is measured from its population-weighted centre to the farthest boundary of its communities.&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;, &lt;b&gt;facilities&lt;/b&gt; and the &lt;b&gt;road network&lt;/b&gt;: as in the walking evaluation (straight lines × the detour factor without a network).&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one polygon per life circle (the union of its communities, or your polygon) with lc_status (the verdict of the required rules; where none is required, as in the national guide, the advice: 达标, 建议改进 or 数据不足), lc_items_met / _failed / _no_data / _applicable, lc_score, lc_advice, life_circle_status, the measured values and the farthest community's distance per facility, and the standard used; &lt;b&gt;Results per rule&lt;/b&gt;; optionally the communities with the id of their life circle.</source>
        <translation type="obsolete">按《指南》2.4 节检查十五分钟生活圈：居住人口 5 万—10 万人（居住人口规模为5—10万人）和服务半径 800—1000 米——未满足时均显示为建议改进（琥珀色）；并报告生活圈内各社区步行到小学、中学、养老院、社区医院、运动场馆、公园和轨道交通站点的距离。《指南》列出这些设施（统筹中小学、养老院、社区医院、运动场馆和公园等设施配套）但没有给出距离，因此只报告距离（仅供参考），不作判定；生活圈到某类设施的距离取其中最远社区的距离。服务半径是规则：按《指南》自己的步行速度，15 分钟与 1000 米并不一致，因此分钟数只作报告。&lt;br&gt;&lt;br&gt;&lt;b&gt;生活圈&lt;/b&gt;（可选）：自有的面图层，带名称和可选的人口字段；社区的质心落在哪个生活圈内即属于该生活圈，人口取该字段的值或所含社区人口之和。没有生活圈图层时由社区组合：尚未归组的人口最多的社区作为起点，逐个纳入最近的相邻社区，只要生活圈仍在标准规定的半径和人口上限之内，直至达到人口下限。达不到下限的生活圈（孤立地区）会保留，并给出人口规模的建议。组合生成的生活圈半径从其人口加权中心量到所含社区的最远边界。&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;、&lt;b&gt;设施&lt;/b&gt;和&lt;b&gt;路网&lt;/b&gt;：同步行可达性评估（无路网时按直线距离 × 绕行系数）。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个生活圈一个面（所含社区的合并，或您提供的面），含 lc_status（必备项的结论；没有必备项时（如国家指南）为建议结论：达标、建议改进或数据不足）、lc_items_met / _failed / _no_data / _applicable、lc_score、lc_advice、life_circle_status、各规则实测值、各类设施的最远社区距离以及所用标准；&lt;b&gt;逐条规则结果&lt;/b&gt;；可选输出带所属生活圈编号的社区。</translation>
    </message>
    <message>
        <source>Checks 15-minute life circles against 2.4 of the guide: 50,000–100,000 residents, a service radius of 800–1,000 m (a 15-minute walk), and a primary school, a middle school, a care home, a community hospital, a sports hall and a park within 1,000 m walking of every community in the circle (the circle's distance to a facility is that of its farthest-off community); a metro station within the circle is reported.&lt;br&gt;&lt;br&gt;&lt;b&gt;Life circles&lt;/b&gt; (optional): your own polygons, with a name and optionally a population field; a community belongs to the circle its centroid lies in, and the population is the field's value or the sum of its communities. Without them the communities are grouped: the most populous community not yet grouped starts a circle, which takes in its nearest neighbours one at a time while the circle stays within the radius and the population ceiling of the standard, until it reaches the population floor. Circles that cannot reach the floor (isolated areas) are kept and fail the population rule. The radius of a formed circle is measured from its population-weighted centre to the farthest boundary of its communities.&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;, &lt;b&gt;facilities&lt;/b&gt; and the &lt;b&gt;road network&lt;/b&gt;: as in the walking evaluation (straight lines × the detour factor without a network).&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one polygon per life circle (the union of its communities, or your polygon) with lc_status (pass when every applicable required rule passes), lc_score, lc_missing, life_circle_status, the measured values and the farthest community's distance per facility; &lt;b&gt;Results per rule&lt;/b&gt;; optionally the communities with the id of their life circle.</source>
        <translation type="obsolete">按《指南》2.4 节检查十五分钟生活圈：居住人口 5 万—10 万人，服务半径 800—1000 米（步行 15 分钟），以及生活圈内每个社区步行 1000 米内有小学、中学、养老院、社区医院、运动场馆和公园（生活圈到某类设施的距离取其中最远社区的距离）；并报告生活圈内是否有轨道交通站点。&lt;br&gt;&lt;br&gt;&lt;b&gt;生活圈&lt;/b&gt;（可选）：自有的面图层，带名称和可选的人口字段；社区的质心落在哪个生活圈内即属于该生活圈，人口取该字段的值或所含社区人口之和。没有生活圈图层时由社区组合：尚未归组的人口最多的社区作为起点，逐个纳入最近的相邻社区，只要生活圈仍在标准规定的半径和人口上限之内，直至达到人口下限。达不到下限的生活圈（孤立地区）会保留，并判为人口规模不达标。组合生成的生活圈半径从其人口加权中心量到所含社区的最远边界。&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;、&lt;b&gt;设施&lt;/b&gt;和&lt;b&gt;路网&lt;/b&gt;：同步行可达性评估（无路网时按直线距离 × 绕行系数）。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个生活圈一个面（所含社区的合并，或您提供的面），含 lc_status（适用的强制性规则全部达标时为达标）、lc_score、lc_missing、life_circle_status、各规则实测值及各类设施的最远社区距离；&lt;b&gt;逐条规则结果&lt;/b&gt;；可选输出带所属生活圈编号的社区。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Checks 15-minute life circles against 2.4 of the guide: its population and service radius (the standard's numbers are listed below) — both shown as advice (建议改进, amber) when not met — and reports the walk from the circle's communities to a primary school, a middle school, a care home, a community hospital, a sports hall, a park and a metro station. The guide names those facilities (统筹中小学、养老院、社区医院、运动场馆和公园等设施配套) without a distance, so their distances are reported (仅供参考), never judged; the circle's distance to a facility is that of its farthest-off community. The radius is the rule: the national guide's minutes and metres disagree at its own walking speed, so the minutes are only reported.&lt;br&gt;&lt;br&gt;&lt;b&gt;Life circles&lt;/b&gt; (optional): your own polygons, with a name and optionally a population field; a community belongs to the circle its centroid lies in, and the population is the field's value or the sum of its communities. Without them the communities are grouped: the most populous community not yet grouped starts a circle, which takes in its nearest neighbours one at a time while the circle stays within the radius and the population ceiling of the standard, until it reaches the population floor. Circles that cannot reach the floor (isolated areas) are kept and get the advice on population. The radius of a formed circle is measured from its population-weighted centre to the farthest boundary of its communities.&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;, &lt;b&gt;facilities&lt;/b&gt; and the &lt;b&gt;road network&lt;/b&gt;: as in the walking evaluation (straight lines × the detour factor without a network).&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one polygon per life circle (the union of its communities, or your polygon) with lc_status (the verdict of the required rules; where none is required, as in the national guide, the advice: 达标, 建议改进 or 数据不足), lc_items_met / _failed / _no_data / _applicable, lc_score, lc_advice, life_circle_status, the measured values and the farthest community's distance per facility, and the standard used; &lt;b&gt;Results per rule&lt;/b&gt;; optionally the communities with the id of their life circle.</source>
        <translation>按《指南》2.4 节检查十五分钟生活圈的居住人口和服务半径（标准的具体数值见下方列表）——未满足时均显示为建议改进（琥珀色）；并报告生活圈内各社区步行到小学、中学、养老院、社区医院、运动场馆、公园和轨道交通站点的距离。《指南》列出这些设施（统筹中小学、养老院、社区医院、运动场馆和公园等设施配套）但没有给出距离，因此只报告距离（仅供参考），不作判定；生活圈到某类设施的距离取其中最远社区的距离。服务半径是规则：按国家《指南》自己的步行速度，其分钟数与米数并不一致，因此分钟数只作报告。&lt;br&gt;&lt;br&gt;&lt;b&gt;生活圈&lt;/b&gt;（可选）：自有的面图层，带名称和可选的人口字段；社区的质心落在哪个生活圈内即属于该生活圈，人口取该字段的值或所含社区人口之和。没有生活圈图层时由社区组合：尚未归组的人口最多的社区作为起点，逐个纳入最近的相邻社区，只要生活圈仍在标准规定的半径和人口上限之内，直至达到人口下限。达不到下限的生活圈（孤立地区）会保留，并给出人口规模的建议。组合生成的生活圈半径从其人口加权中心量到所含社区的最远边界。&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;、&lt;b&gt;设施&lt;/b&gt;和&lt;b&gt;路网&lt;/b&gt;：同步行可达性评估（无路网时按直线距离 × 绕行系数）。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个生活圈一个面（所含社区的合并，或您提供的面），含 lc_status（必备项的结论；没有必备项时（如国家指南）为建议结论：达标、建议改进或数据不足）、lc_items_met / _failed / _no_data / _applicable、lc_score、lc_advice、life_circle_status、各规则实测值、各类设施的最远社区距离以及所用标准；&lt;b&gt;逐条规则结果&lt;/b&gt;；可选输出带所属生活圈编号的社区。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Communities with their life circle</source>
        <translation>社区及其所属生活圈</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Evaluate the 15-minute life circle</source>
        <translation>十五分钟生活圈评估</translation>
    </message>
    <message>
        <source>Evaluate the 15-minute life circle (十五分钟生活圈评估)</source>
        <translation type="obsolete">十五分钟生活圈评估（Evaluate the 15-minute life circle）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Facilities (points or polygons)</source>
        <translation>设施（点或面）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Formed circles are a rough first cut, not the planner's 15-minute life circles: give your 生活圈 or 街道 boundaries for an assessment you can defend. lc_stopped says why each formed circle stopped growing (population floor reached; radius, ceiling or no neighbour left), and the log counts, over the circles not met, each rule not met (population, radius, each missing kind of facility). Forming costs one pass over the communities per join, about a second for 3,000 communities.</source>
        <translation>自动组合的生活圈只是粗略的初步划分，并不是规划确定的十五分钟生活圈：如需可站得住脚的评估，请提供生活圈或街道边界。lc_stopped 说明每个自动组合的生活圈为何停止扩展（已达到人口下限；受半径、人口上限限制或附近已无社区），日志对未达标的生活圈统计每条未满足的规则（人口、半径、缺少的各类设施）。组合时每加入一个社区遍历一次全部社区，3000 个社区约需一秒。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Formed {} life circle(s) of {:g}–{:g} residents within {:g} m from {} communities.</source>
        <translation>已组成 {} 个生活圈（人口 {:g}—{:g} 人，半径 {:g} 米内），来自 {} 个社区。</translation>
    </message>
    <message>
        <source>Life circle name field</source>
        <translation type="obsolete">生活圈名称字段</translation>
    </message>
    <message>
        <source>Life circle population field (empty: sum of its communities)</source>
        <translation type="obsolete">生活圈人口字段（为空时为所含社区人口之和）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Life circle {}</source>
        <translation>生活圈 {}</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Life circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <source>Life circles (polygons); empty: formed from the communities</source>
        <translation type="obsolete">生活圈（面）；为空时由社区组合生成</translation>
    </message>
    <message>
        <source>Life circles by lc_status: {}</source>
        <translation type="obsolete">按 lc_status 统计生活圈：{}</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Life circles by {}: {}</source>
        <translation>各生活圈按 {} 统计：{}</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Results per rule</source>
        <translation>逐条规则结果</translation>
    </message>
    <message>
        <source>The community layer {} has no features.</source>
        <translation type="obsolete">社区图层 {} 没有要素。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>The standard {} gives no life-circle population range and radius to form life circles with; give your own life circle polygons.</source>
        <translation>标准 {} 没有给出生活圈的人口规模和服务半径，无法组合生成生活圈；请提供生活圈面图层。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>The standard {} has no life-circle rules.</source>
        <translation>标准 {} 中没有生活圈规则。</translation>
    </message>
    <message>
        <source>layer {}: life circle whose coordinates are not finite or cannot be projected, evaluated without members</source>
        <translation type="obsolete">图层 {}：生活圈坐标不是有限数值或无法投影，按无成员社区评估</translation>
    </message>
    <message>
        <source>layer {}: life circle without geometry, evaluated without members</source>
        <translation type="obsolete">图层 {}：生活圈无几何，按无所含社区评估</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>no community in the circle</source>
        <translation>生活圈内没有社区</translation>
    </message>
    <message>
        <source>{} communities lie in no life circle of {}.</source>
        <translation type="obsolete">{} 个社区不在 {} 的任何生活圈内。</translation>
    </message>
</context>
<context>
    <name>EvaluateScaleAlgorithm</name>
    <message>
        <source>&lt;b&gt;Example&lt;/b&gt;: a community of 4,200 residents whose farthest boundary point is 520 m from its centroid gets scale_status advisory, with the reasons 'population 4200 &lt; 5000' and 'walking radius 520 m &gt; 500 m' in the rules table and cc_advice naming both rules.</source>
        <translation type="obsolete">&lt;b&gt;示例&lt;/b&gt;：常住人口 4200 人、最远边界点距质心 520 米的社区，scale_status 为建议改进，逐条规则结果中的原因为“人口 4200 &lt; 5000”和“步行半径 520 m &gt; 500 m”，cc_advice 列出这两条规则。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Example&lt;/b&gt;: a community of 4,200 residents whose farthest boundary point is 520 m from its centroid gets scale_status fail, with the reasons 'population 4200 &lt; 5000' and 'walking radius 520 m &gt; 500 m' in the rules table.</source>
        <translation type="obsolete">&lt;b&gt;示例&lt;/b&gt;：常住人口 4200 人、最远边界点距质心 520 米的社区，scale_status 为不达标，逐条规则结果中的原因为“常住人口 4200 &lt; 5000”和“步行半径 520 m &gt; 500 m”。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_scale.py"/>
        <source>&lt;b&gt;Example&lt;/b&gt;: a community of {population} residents whose farthest boundary point is {radius} m from its centroid gets scale_status {status}, with the reasons 'population {population} &lt; {minimum}' and 'walking radius {radius} m &gt; {maximum} m' in the rules table and cc_advice naming both rules.</source>
        <translation>&lt;b&gt;示例&lt;/b&gt;：常住人口 {population} 人、最远边界点距质心 {radius} 米的社区，scale_status 为{status}，逐条规则结果中的原因为“人口 {population} &lt; {minimum}”和“步行半径 {radius} m &gt; {maximum} m”，cc_advice 列出这两条规则。</translation>
    </message>
    <message>
        <source>Checks each residential community against the scale of section 2.2 of the guide: 5,000–12,000 residents (以…为宜) and a walking radius of 300–500 m (5–10 minutes). The guide words them as recommendations, so a community outside them is shown as advisory (建议改进, amber), never as a failure, and they do not count in cc_score: scale_status colours the map, cc_items_applicable is 0 and cc_score empty unless your standard makes a scale rule required. "公交距离1站" describes the scale (one stop away by bus) and is no rule here; the walk to a bus stop is checked by the walking evaluation.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;: polygons with a population field; households and community type (新建/既有) are optional. The walking radius here is the straight-line distance from a point inside the community to its farthest boundary point; network distances come with the walking evaluation. Layers in a geographic CRS are measured in a CGCS2000 3° Gauss-Krüger zone (or UTM), and the output says which in cc_working_crs.&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt; (optional): POIs or polygons with a category field, for the scale rules of a local standard that count facilities.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every community with all its fields, scale_status (达标 / 建议改进 / 数据不足 / 仅供参考 / 不适用) and the measured value of each rule (scale_population, scale_walking_radius, scale_walking_time), the item summary (cc_items_met, cc_items_failed, cc_items_no_data, cc_items_applicable, cc_score, cc_status, cc_advice, cc_scope) and the standard used (cc_standard, cc_standard_version, cc_standard_hash); &lt;b&gt;Results per rule&lt;/b&gt;: one row per community and rule with clause, threshold, status and reason. Missing or negative population, non-numeric values and empty geometries are reported once in the log and give no_data; no community is dropped.</source>
        <translation type="obsolete">按《指南》2.2 节的居住社区规模检查每个社区：常住人口 5000—12000 人（以…为宜）、步行半径 300—500 米（5—10 分钟）。《指南》把它们写作推荐，因此超出范围的社区显示为建议改进（琥珀色），从不判为不达标，也不计入 cc_score：scale_status 用于地图着色，除非所用标准把某条规模规则设为必备项，否则 cc_items_applicable 为 0、cc_score 为空。“公交距离1站”描述的是规模（乘公交一站可达），这里不作为规则；步行到公交站点的距离由步行可达性评估检查。&lt;br&gt;&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;：带常住人口字段的面图层；户数和社区类型（新建/既有）可选。这里的步行半径是社区内一点到最远边界点的直线距离；路网距离见步行可达性评估。地理坐标系的图层在 CGCS2000 3 度带高斯-克吕格投影（或 UTM）中量算，所用坐标系写在 cc_working_crs 字段。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;（可选）：带类别字段的 POI 或面，供地方标准中需要计数设施的规模规则使用。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：保留每个社区及其全部字段，并增加 scale_status（达标 / 建议改进 / 数据不足 / 仅供参考 / 不适用）和每条规则的实测值（scale_population、scale_walking_radius、scale_walking_time）、项目汇总（cc_items_met、cc_items_failed、cc_items_no_data、cc_items_applicable、cc_score、cc_status、cc_advice、cc_scope）以及所用标准（cc_standard、cc_standard_version、cc_standard_hash）；&lt;b&gt;逐条规则结果&lt;/b&gt;：每个社区每条规则一行，含条款、阈值、结果和原因。人口缺失或为负、非数字的值、空几何都会在日志中汇总提示一次，结果为“数据不足”；不会丢弃任何社区。</translation>
    </message>
    <message>
        <source>Checks each residential community against the scale of section 2.2 of the guide: 5,000–12,000 residents (以…为宜), a walking radius of 300–500 m (5–10 minutes), and, when facilities are given, a bus stop within the community (公交距离1站). The scale rules are recommended, so they colour the map (scale_status) but do not decide whether a community is complete.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;: polygons with a population field; households and community type (新建/既有) are optional. The walking radius here is the straight-line distance from a point inside the community to its farthest boundary point; network distances come with the walking evaluation. Layers in a geographic CRS are measured in a CGCS2000 3° Gauss-Krüger zone (or UTM), and the output says which in cc_working_crs.&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt; (optional): POIs or polygons with a category field; bus stops count for the community they lie in, or within the given distance of it (stops on the boundary road).&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every community with all its fields, scale_status (pass, fail, no_data, not_applicable, shown as 达标/不达标/数据不足/不适用) and the measured value of each rule (scale_population, scale_walking_radius, scale_walking_time, scale_bus_stop, and the informative walking rules when computed); &lt;b&gt;Results per rule&lt;/b&gt;: one row per community and rule with clause, threshold, status and reason. Missing or negative population, non-numeric values and empty geometries are reported once in the log and give no_data; no community is dropped.</source>
        <translation type="obsolete">按《指南》2.2 节的居住社区规模检查每个社区：常住人口 5000—12000 人（以…为宜）、步行半径 300—500 米（5—10 分钟），给出设施图层时还检查社区内是否有公交站点（公交距离 1 站）。规模规则为推荐项，只用于地图着色（scale_status），不决定社区是否“完整”。&lt;br&gt;&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;：带常住人口字段的面图层；户数和社区类型（新建/既有）可选。这里的步行半径是社区内一点到最远边界点的直线距离；路网距离见步行可达性评估。地理坐标系的图层在 CGCS2000 3 度带高斯-克吕格投影（或 UTM）中量算，所用坐标系写在 cc_working_crs 字段。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;（可选）：带类别字段的 POI 或面；公交站点计入其所在社区，或边界外给定距离内的社区（边界道路上的站点）。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：保留每个社区及其全部字段，并增加 scale_status（pass、fail、no_data、not_applicable，显示为 达标/不达标/数据不足/不适用）和每条规则的实测值（scale_population、scale_walking_radius、scale_walking_time、scale_bus_stop，以及计算了步行距离时的参考性步行规则）；&lt;b&gt;逐条规则结果&lt;/b&gt;：每个社区每条规则一行，含条款、阈值、结果和原因。人口缺失或为负、非数字的值、空几何都会在日志中汇总提示一次，结果为“数据不足”；不会丢弃任何社区。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_scale.py"/>
        <source>Checks each residential community against the scale of section 2.2 of the guide: its population and walking radius (the standard's numbers are listed below). The national guide words them as recommendations (以…为宜), so a community outside them is shown as advisory (建议改进, amber), never as a failure, and they do not count in cc_score: scale_status colours the map, cc_items_applicable is 0 and cc_score empty unless your standard makes a scale rule required. "公交距离1站" describes the scale (one stop away by bus) and is no rule here; the walk to a bus stop is checked by the walking evaluation.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;: polygons with a population field; households and community type (新建/既有) are optional. The walking radius here is the straight-line distance from a point inside the community to its farthest boundary point; network distances come with the walking evaluation. Layers in a geographic CRS are measured in a CGCS2000 3° Gauss-Krüger zone (or UTM), and the output says which in cc_working_crs.&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt; (optional): POIs or polygons with a category field, for the scale rules of a local standard that count facilities.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every community with all its fields, scale_status (达标 / 建议改进 / 数据不足 / 仅供参考 / 不适用) and the measured value of each rule (scale_population, scale_walking_radius, scale_walking_time), the item summary (cc_items_met, cc_items_failed, cc_items_no_data, cc_items_applicable, cc_score, cc_status, cc_advice, cc_scope) and the standard used (cc_standard, cc_standard_version, cc_standard_hash); &lt;b&gt;Results per rule&lt;/b&gt;: one row per community and rule with clause, threshold, status and reason. Missing or negative population, non-numeric values and empty geometries are reported once in the log and give no_data; no community is dropped.</source>
        <translation>按《指南》2.2 节的居住社区规模检查每个社区的常住人口和步行半径（标准的具体数值见下方列表）。国家《指南》把它们写作推荐（以…为宜），因此超出范围的社区显示为建议改进（琥珀色），从不判为不达标，也不计入 cc_score：scale_status 用于地图着色，除非所用标准把某条规模规则设为必备项，否则 cc_items_applicable 为 0、cc_score 为空。“公交距离1站”描述的是规模（乘公交一站可达），这里不作为规则；步行到公交站点的距离由步行可达性评估检查。&lt;br&gt;&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;：带常住人口字段的面图层；户数和社区类型（新建/既有）可选。这里的步行半径是社区内一点到最远边界点的直线距离；路网距离见步行可达性评估。地理坐标系的图层在 CGCS2000 3 度带高斯-克吕格投影（或 UTM）中量算，所用坐标系写在 cc_working_crs 字段。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;（可选）：带类别字段的 POI 或面，供地方标准中需要计数设施的规模规则使用。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：保留每个社区及其全部字段，并增加 scale_status（达标 / 建议改进 / 数据不足 / 仅供参考 / 不适用）和每条规则的实测值（scale_population、scale_walking_radius、scale_walking_time）、项目汇总（cc_items_met、cc_items_failed、cc_items_no_data、cc_items_applicable、cc_score、cc_status、cc_advice、cc_scope）以及所用标准（cc_standard、cc_standard_version、cc_standard_hash）；&lt;b&gt;逐条规则结果&lt;/b&gt;：每个社区每条规则一行，含条款、阈值、结果和原因。人口缺失或为负、非数字的值、空几何都会在日志中汇总提示一次，结果为“数据不足”；不会丢弃任何社区。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_scale.py"/>
        <source>Evaluate community scale</source>
        <translation>居住社区规模评估</translation>
    </message>
    <message>
        <source>Evaluate community scale (居住社区规模评估)</source>
        <translation type="obsolete">居住社区规模评估（Evaluate community scale）</translation>
    </message>
    <message>
        <source>Facilities (for bus stops)</source>
        <translation type="obsolete">设施（用于判断公交站点）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_scale.py"/>
        <source>Facilities (for facility-based scale rules of a local standard)</source>
        <translation>设施（供地方标准中按设施计数的规模规则使用）</translation>
    </message>
</context>
<context>
    <name>EvaluateWalkingAccessAlgorithm</name>
    <message>
        <source>&lt;b&gt;Example&lt;/b&gt;: a community whose centroid is 100 m from the nearest street, with a kindergarten 20 m off the same street 600 m further along, gets kindergarten_dist_m 720 and kindergarten_access_status advisory (more than 500 m), although the kindergarten may be only 400 m away as the crow flies.</source>
        <translation type="obsolete">&lt;b&gt;示例&lt;/b&gt;：社区质心距最近道路 100 米，幼儿园距同一条道路 20 米、沿路再往前 600 米，则 kindergarten_dist_m 为 720，kindergarten_access_status 为建议改进（超过 500 米），尽管两者直线距离可能只有 400 米。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Example&lt;/b&gt;: a community whose centroid is 100 m from the nearest street, with a kindergarten 20 m off the same street 600 m further along, gets kindergarten_dist_m 720 and kindergarten_access_status fail (more than 500 m), although the kindergarten may be only 400 m away as the crow flies.</source>
        <translation type="obsolete">&lt;b&gt;示例&lt;/b&gt;：社区质心距最近道路 100 米，幼儿园距同一条道路 20 米、沿路再往前 600 米，则 kindergarten_dist_m 为 720，kindergarten_access_status 为不达标（超过 500 米），尽管两者直线距离可能只有 400 米。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>&lt;b&gt;Example&lt;/b&gt;: a community whose centroid is 100 m from the nearest street, with a kindergarten 20 m off the same street {along} m further along, gets kindergarten_dist_m {distance} and kindergarten_access_status {status} (more than {limit} m), although the kindergarten may be much nearer as the crow flies.</source>
        <translation>&lt;b&gt;示例&lt;/b&gt;：社区质心距最近道路 100 米，幼儿园距同一条道路 20 米、沿路再往前 {along} 米，则 kindergarten_dist_m 为 {distance}，kindergarten_access_status 为{status}（超过 {limit} 米），尽管两者直线距离可能近得多。</translation>
    </message>
    <message>
        <source>Building the walking network…</source>
        <translation type="obsolete">正在构建步行网络…</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>CATEGORIES: unknown categor(ies) {}; the standard's codes are: {}</source>
        <translation>CATEGORIES：未知的类别 {}；本标准的类别代码有：{}</translation>
    </message>
    <message>
        <source>Detour factor for straight lines (without a network)</source>
        <translation type="obsolete">直线距离绕行系数（无路网时）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Evaluate walking access</source>
        <translation>步行可达性评估</translation>
    </message>
    <message>
        <source>Evaluate walking access (步行可达性评估)</source>
        <translation type="obsolete">步行可达性评估（Evaluate walking access）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Facilities (points or polygons)</source>
        <translation>设施（点或面）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Farther than {:g} m from the road network (their distances are no_data): {} community point(s) or origin(s), {} facilit(ies).</source>
        <translation>距路网超过 {:g} 米（其距离为“数据不足”）：社区代表点或出发点 {} 个，设施 {} 个。</translation>
    </message>
    <message>
        <source>Farther than {:g} m from the road network (their distances are no_data): {} community point(s), {} origin(s), {} facilit(ies).</source>
        <translation type="obsolete">距路网超过 {:g} 米（其距离为“数据不足”）：社区代表点 {} 个，出发点 {} 个，设施 {} 个。</translation>
    </message>
    <message>
        <source>Maximum distance from a point to the network (m)</source>
        <translation type="obsolete">点到路网的最大吸附距离（米）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Measures how far residents walk, on the real road network, to the nearest facility of each kind the guide sets a walking limit for (the standard's limits are listed below): kindergartens, elderly services, shops, bus stops, every kind the elderly and children need (the farthest kind decides), and the informative figures for children's play. The walks of 2.2 are recommended (以…为原则, 不宜): beyond them a community gets advice (建议改进), not a failure, unless the standard walking_required is chosen. One shortest-path search per facility category serves every community at once.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;: polygons with the usual fields. A community is represented by its residents when &lt;b&gt;Origins&lt;/b&gt; (residential buildings or population points with a population field) are given — its distance is then the population-weighted mean of its residents' distances and &amp;lt;category&amp;gt;_covered_pct the share of residents within the limit — otherwise by a point inside the polygon: its centroid, or a point inside when the centroid falls outside (walk_origin says which).&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt; and &lt;b&gt;facility areas&lt;/b&gt;: as in the provision evaluation; every facility counts, whichever community it lies in.&lt;br&gt;&lt;b&gt;Road network&lt;/b&gt; (optional): lines of streets, footways and paths; where they share a vertex they connect (bridges that merely cross do not). One-way rules are ignored for walking. A yes/no field leaves out roads that are not walkable (motorways), and a speed field (m/min) makes slow paths count as longer. Points are snapped to the nearest point of the nearest road (splitting it) within the maximum snapping distance; the straight legs to and from the road are walked too. Points farther from the network, and points on a piece of network with no facility of a category, get no_data with the reason. Without a network, distances are straight lines × the detour factor (default 1.4), and walk_method says so.&lt;br&gt;&lt;b&gt;Walking speed&lt;/b&gt;: m/min to turn metres into minutes; empty takes the standard's walking speed.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every community with, per category, &amp;lt;category&amp;gt;_dist_m, _walk_min and _access_status against the standard's limit (advisory, 建议改进, beyond a recommended limit; fail beyond a required one), plus the item summary of the walking rules (walk_status, walk_items_*, walk_score, walk_missing, walk_advice); &lt;b&gt;Results per rule&lt;/b&gt; with the reasons; optionally every origin with its distances and the shortest route from each community to the nearest facility of each category, to check on the map.</source>
        <translation>沿真实路网测算居民步行到《指南》规定了步行距离的各类最近设施的距离（标准的限值见下方列表）：幼儿园、养老服务、商业、公交站点，老年人和儿童所需的每类设施（以最远的一类为准），以及儿童活动的参考数据。2.2 的步行要求是推荐项（以…为原则、不宜）：超出时给出建议改进，而不是不达标，除非选用标准 walking_required。每类设施只做一次最短路径搜索，即可服务所有社区。&lt;br&gt;&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;：带常用字段的面图层。给出&lt;b&gt;出发点&lt;/b&gt;（带人口字段的住宅楼或人口点）时，社区以其居民代表——距离为居民距离的人口加权平均，&amp;lt;category&amp;gt;_covered_pct 为限值内居民的比例；否则以面内一点代表：质心，质心落在面外时取面内一点（见 walk_origin）。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;和&lt;b&gt;设施用地&lt;/b&gt;：同配套设施评估；所有设施都参与计算，不论位于哪个社区。&lt;br&gt;&lt;b&gt;路网&lt;/b&gt;（可选）：道路、人行道和小路的线图层；共用顶点处相连（仅交叉而不共点的桥梁不相连）。步行不考虑单行限制。可用“是/否”字段排除不可步行的道路（高速公路），用速度字段（米/分钟）使慢行路段按更长距离计。点吸附到最近道路上的最近点（在该处打断道路），吸附距离不超过最大值；点到道路的直线段也计入步行距离。距路网过远的点、所在路网片区内没有某类设施的点，结果为“数据不足”并注明原因。没有路网时按直线距离 × 绕行系数（默认 1.4）计算，并在 walk_method 中注明。&lt;br&gt;&lt;b&gt;步行速度&lt;/b&gt;：用于把米换算为分钟；为空时采用标准规定的步行速度。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个社区及各类设施的 &amp;lt;category&amp;gt;_dist_m、_walk_min 和相对于标准限值的 _access_status，（超出推荐限值时为建议改进，超出必备限值时为不达标），以及步行规则的项目汇总（walk_status、walk_items_*、walk_score、walk_missing、walk_advice）；&lt;b&gt;逐条规则结果&lt;/b&gt;及原因；可选输出每个出发点的距离，以及每个社区到各类最近设施的最短路径，便于在地图上核查。</translation>
    </message>
    <message>
        <source>Measures how far residents walk, on the real road network, to the nearest facility of each kind the guide sets a walking limit for: kindergarten, nursery, elderly station, health station, supermarket or convenience store, activity ground, service station within 500 m (5–10 minutes), a bus stop within a 10-minute walk, and the informative limits for the elderly and children (children 0–6 within 200 m, 6–12 within 400 m). One shortest-path search per facility category serves every community at once.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;: polygons with the usual fields. A community is represented by its residents when &lt;b&gt;Origins&lt;/b&gt; (residential buildings or population points with a population field) are given — its distance is then the population-weighted mean of its residents' distances and &amp;lt;category&amp;gt;_covered_pct the share of residents within the limit — otherwise by a point inside the polygon: its centroid, or a point inside when the centroid falls outside (walk_origin says which).&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt; and &lt;b&gt;facility areas&lt;/b&gt;: as in the provision evaluation; every facility counts, whichever community it lies in.&lt;br&gt;&lt;b&gt;Road network&lt;/b&gt; (optional): lines of streets, footways and paths; where they share a vertex they connect (bridges that merely cross do not). One-way rules are ignored for walking. A yes/no field leaves out roads that are not walkable (motorways), and a speed field (m/min) makes slow paths count as longer. Points are snapped to the nearest point of the nearest road (splitting it) within the maximum snapping distance; the straight legs to and from the road are walked too. Points farther from the network, and points on a piece of network with no facility of a category, get no_data with the reason. Without a network, distances are straight lines × the detour factor (default 1.4), and walk_method says so.&lt;br&gt;&lt;b&gt;Walking speed&lt;/b&gt;: m/min to turn metres into minutes; empty takes the standard's (the guide's 500 m in 10 minutes: 50 m/min).&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every community with, per category, &amp;lt;category&amp;gt;_dist_m, _walk_min and _access_status against the standard's limit (advisory, 建议改进, beyond a recommended limit such as the 500 m of 2.2; fail beyond a required one such as the 10-minute walk to a bus stop), plus the item summary of the walking rules (walk_status, walk_items_*, walk_score, walk_missing, walk_advice); &lt;b&gt;Results per rule&lt;/b&gt; with the reasons; optionally every origin with its distances and the shortest route from each community to the nearest facility of each category, to check on the map.</source>
        <translation type="obsolete">沿真实路网测算居民步行到《指南》规定了步行距离的各类最近设施的距离：幼儿园、托儿所、老年服务站、社区卫生服务站、综合超市或便利店、公共活动场地、社区综合服务站在 500 米（5—10 分钟）内，公交站点在步行 10 分钟内，以及老年人和儿童的参考性要求（0—6 岁儿童 200 米内、6—12 岁 400 米内）。每类设施只做一次最短路径搜索，即可服务所有社区。&lt;br&gt;&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;：带常用字段的面图层。给出&lt;b&gt;出发点&lt;/b&gt;（带人口字段的住宅楼或人口点）时，社区以其居民代表——距离为居民距离的人口加权平均，&amp;lt;category&amp;gt;_covered_pct 为限值内居民的比例；否则以面内一点代表：质心，质心落在面外时取面内一点（见 walk_origin）。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;和&lt;b&gt;设施用地&lt;/b&gt;：同配套设施评估；所有设施都参与计算，不论位于哪个社区。&lt;br&gt;&lt;b&gt;路网&lt;/b&gt;（可选）：道路、人行道和小路的线图层；共用顶点处相连（仅交叉而不共点的桥梁不相连）。步行不考虑单行限制。可用“是/否”字段排除不可步行的道路（高速公路），用速度字段（米/分钟）使慢行路段按更长距离计。点吸附到最近道路上的最近点（在该处打断道路），吸附距离不超过最大值；点到道路的直线段也计入步行距离。距路网过远的点、所在路网片区内没有某类设施的点，结果为“数据不足”并注明原因。没有路网时按直线距离 × 绕行系数（默认 1.4）计算，并在 walk_method 中注明。&lt;br&gt;&lt;b&gt;步行速度&lt;/b&gt;：用于把米换算为分钟；为空时采用标准的取值（《指南》的 10 分钟 500 米：50 米/分钟）。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个社区及各类设施的 &amp;lt;category&amp;gt;_dist_m、_walk_min 和相对于标准限值的 _access_status，（超出 2.2 的 500 米等推荐限值时为建议改进，超出步行 10 分钟到公交站等必备限值时为不达标），以及步行规则的项目汇总（walk_status、walk_items_*、walk_score、walk_missing、walk_advice）；&lt;b&gt;逐条规则结果&lt;/b&gt;及原因；可选输出每个出发点的距离，以及每个社区到各类最近设施的最短路径，便于在地图上核查。</translation>
    </message>
    <message>
        <source>Measures how far residents walk, on the real road network, to the nearest facility of each kind the guide sets a walking limit for: kindergarten, nursery, elderly station, health station, supermarket or convenience store, activity ground, service station within 500 m (5–10 minutes), a bus stop within a 10-minute walk, and the informative limits for the elderly and children (children 0–6 within 200 m, 6–12 within 400 m). One shortest-path search per facility category serves every community at once.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;: polygons with the usual fields. A community is represented by its residents when &lt;b&gt;Origins&lt;/b&gt; (residential buildings or population points with a population field) are given — its distance is then the population-weighted mean of its residents' distances and &amp;lt;category&amp;gt;_covered_pct the share of residents within the limit — otherwise by a point inside the polygon: its centroid, or a point inside when the centroid falls outside (walk_origin says which).&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt; and &lt;b&gt;facility areas&lt;/b&gt;: as in the provision evaluation; every facility counts, whichever community it lies in.&lt;br&gt;&lt;b&gt;Road network&lt;/b&gt; (optional): lines of streets, footways and paths; where they share a vertex they connect (bridges that merely cross do not). One-way rules are ignored for walking. A yes/no field leaves out roads that are not walkable (motorways), and a speed field (m/min) makes slow paths count as longer. Points are snapped to the nearest point of the nearest road (splitting it) within the maximum snapping distance; the straight legs to and from the road are walked too. Points farther from the network, and points on a piece of network with no facility of a category, get no_data with the reason. Without a network, distances are straight lines × the detour factor (default 1.4), and walk_method says so.&lt;br&gt;&lt;b&gt;Walking speed&lt;/b&gt;: m/min to turn metres into minutes; empty takes the standard's (the guide's 500 m in 10 minutes: 50 m/min).&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every community with, per category, &amp;lt;category&amp;gt;_dist_m, _walk_min and _access_status against the standard's limit, plus walk_status / walk_score / walk_missing for the required walking rules; &lt;b&gt;Results per rule&lt;/b&gt; with the reasons; optionally every origin with its distances and the shortest route from each community to the nearest facility of each category, to check on the map.</source>
        <translation type="obsolete">沿真实路网测算居民步行到《指南》规定了步行距离的各类最近设施的距离：幼儿园、托儿所、老年服务站、社区卫生服务站、综合超市或便利店、公共活动场地、社区综合服务站在 500 米（5—10 分钟）内，公交站点在步行 10 分钟内，以及老年人和儿童的参考性要求（0—6 岁儿童 200 米内、6—12 岁 400 米内）。每类设施只做一次最短路径搜索，即可服务所有社区。&lt;br&gt;&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;：带常用字段的面图层。给出&lt;b&gt;出发点&lt;/b&gt;（带人口字段的住宅楼或人口点）时，社区以其居民代表——距离为居民距离的人口加权平均，&amp;lt;category&amp;gt;_covered_pct 为限值内居民的比例；否则以面内一点代表：质心，质心落在面外时取面内一点（见 walk_origin）。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;和&lt;b&gt;设施用地&lt;/b&gt;：同配套设施评估；所有设施都参与计算，不论位于哪个社区。&lt;br&gt;&lt;b&gt;路网&lt;/b&gt;（可选）：道路、人行道和小路的线图层；共用顶点处相连（仅交叉而不共点的桥梁不相连）。步行不考虑单行限制。可用“是/否”字段排除不可步行的道路（高速公路），用速度字段（米/分钟）使慢行路段按更长距离计。点吸附到最近道路上的最近点（在该处打断道路），吸附距离不超过最大值；点到道路的直线段也计入步行距离。距路网过远的点、所在路网片区内没有某类设施的点，结果为“数据不足”并注明原因。没有路网时按直线距离 × 绕行系数（默认 1.4）计算，并在 walk_method 中注明。&lt;br&gt;&lt;b&gt;步行速度&lt;/b&gt;：用于把米换算为分钟；为空时采用标准的取值（《指南》的 10 分钟 500 米：50 米/分钟）。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个社区及各类设施的 &amp;lt;category&amp;gt;_dist_m、_walk_min 和相对于标准限值的 _access_status，以及强制性步行规则的 walk_status / walk_score / walk_missing；&lt;b&gt;逐条规则结果&lt;/b&gt;及原因；可选输出每个出发点的距离，以及每个社区到各类最近设施的最短路径，便于在地图上核查。</translation>
    </message>
    <message>
        <source>Measures how far residents walk, on the real road network, to the nearest facility of each kind the guide sets a walking limit for: kindergarten, nursery, elderly station, health station, supermarket or convenience store, activity ground, service station within 500 m (5–10 minutes), a bus stop within a 10-minute walk, every kind the elderly and children need within 10 minutes (the farthest kind decides), and the informative figures for children's play (0–6 within 200 m, 6–12 within 400 m). The walks of 2.2 are recommended (以…为原则, 不宜): beyond them a community gets advice (建议改进), not a failure, unless the standard walking_required is chosen. One shortest-path search per facility category serves every community at once.&lt;br&gt;&lt;br&gt;&lt;b&gt;Residential communities&lt;/b&gt;: polygons with the usual fields. A community is represented by its residents when &lt;b&gt;Origins&lt;/b&gt; (residential buildings or population points with a population field) are given — its distance is then the population-weighted mean of its residents' distances and &amp;lt;category&amp;gt;_covered_pct the share of residents within the limit — otherwise by a point inside the polygon: its centroid, or a point inside when the centroid falls outside (walk_origin says which).&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt; and &lt;b&gt;facility areas&lt;/b&gt;: as in the provision evaluation; every facility counts, whichever community it lies in.&lt;br&gt;&lt;b&gt;Road network&lt;/b&gt; (optional): lines of streets, footways and paths; where they share a vertex they connect (bridges that merely cross do not). One-way rules are ignored for walking. A yes/no field leaves out roads that are not walkable (motorways), and a speed field (m/min) makes slow paths count as longer. Points are snapped to the nearest point of the nearest road (splitting it) within the maximum snapping distance; the straight legs to and from the road are walked too. Points farther from the network, and points on a piece of network with no facility of a category, get no_data with the reason. Without a network, distances are straight lines × the detour factor (default 1.4), and walk_method says so.&lt;br&gt;&lt;b&gt;Walking speed&lt;/b&gt;: m/min to turn metres into minutes; empty takes the standard's (the guide's 500 m in 10 minutes: 50 m/min).&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: every community with, per category, &amp;lt;category&amp;gt;_dist_m, _walk_min and _access_status against the standard's limit (advisory, 建议改进, beyond a recommended limit such as the 500 m of 2.2; fail beyond a required one such as the 10-minute walk to a bus stop), plus the item summary of the walking rules (walk_status, walk_items_*, walk_score, walk_missing, walk_advice); &lt;b&gt;Results per rule&lt;/b&gt; with the reasons; optionally every origin with its distances and the shortest route from each community to the nearest facility of each category, to check on the map.</source>
        <translation type="obsolete">沿真实路网测算居民步行到《指南》规定了步行距离的各类最近设施的距离：幼儿园、托儿所、老年服务站、社区卫生服务站、综合超市或便利店、公共活动场地、社区综合服务站在 500 米（5—10 分钟）内，公交站点在步行 10 分钟内，老年人和儿童所需的每类设施在 10 分钟内（以最远的一类为准），以及儿童活动的参考数据（0—6 岁 200 米内、6—12 岁 400 米内）。2.2 的步行要求是推荐项（以…为原则、不宜）：超出时给出建议改进，而不是不达标，除非选用标准 walking_required。每类设施只做一次最短路径搜索，即可服务所有社区。&lt;br&gt;&lt;br&gt;&lt;b&gt;居住社区&lt;/b&gt;：带常用字段的面图层。给出&lt;b&gt;出发点&lt;/b&gt;（带人口字段的住宅楼或人口点）时，社区以其居民代表——距离为居民距离的人口加权平均，&amp;lt;category&amp;gt;_covered_pct 为限值内居民的比例；否则以面内一点代表：质心，质心落在面外时取面内一点（见 walk_origin）。&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;和&lt;b&gt;设施用地&lt;/b&gt;：同配套设施评估；所有设施都参与计算，不论位于哪个社区。&lt;br&gt;&lt;b&gt;路网&lt;/b&gt;（可选）：道路、人行道和小路的线图层；共用顶点处相连（仅交叉而不共点的桥梁不相连）。步行不考虑单行限制。可用“是/否”字段排除不可步行的道路（高速公路），用速度字段（米/分钟）使慢行路段按更长距离计。点吸附到最近道路上的最近点（在该处打断道路），吸附距离不超过最大值；点到道路的直线段也计入步行距离。距路网过远的点、所在路网片区内没有某类设施的点，结果为“数据不足”并注明原因。没有路网时按直线距离 × 绕行系数（默认 1.4）计算，并在 walk_method 中注明。&lt;br&gt;&lt;b&gt;步行速度&lt;/b&gt;：用于把米换算为分钟；为空时采用标准的取值（《指南》的 10 分钟 500 米：50 米/分钟）。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个社区及各类设施的 &amp;lt;category&amp;gt;_dist_m、_walk_min 和相对于标准限值的 _access_status，（超出 2.2 的 500 米等推荐限值时为建议改进，超出步行 10 分钟到公交站等必备限值时为不达标），以及步行规则的项目汇总（walk_status、walk_items_*、walk_score、walk_missing、walk_advice）；&lt;b&gt;逐条规则结果&lt;/b&gt;及原因；可选输出每个出发点的距离，以及每个社区到各类最近设施的最短路径，便于在地图上核查。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>More categories to measure (codes or names, comma-separated; 'all'): informative distances</source>
        <translation>另外测量的设施类别（代码或名称，逗号分隔；all 为全部）：距离仅供参考</translation>
    </message>
    <message>
        <source>No road network: distances are straight lines × {:g} (walk_method). Give a network for real walking distances.</source>
        <translation type="obsolete">未提供路网：距离按直线距离 × {:g} 计算（见 walk_method）。请提供路网以计算真实步行距离。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Origins were given without a population field: choose the field of {} that holds the residents.</source>
        <translation>给出了出发点图层但未指定人口字段：请选择 {} 中记录居住人口的字段。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Origins with their walking distances</source>
        <translation>出发点及其步行距离</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Origins: residential buildings or population points</source>
        <translation>出发点：住宅楼或人口点</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Origins: {} from {} ({:g} residents).</source>
        <translation>出发点：{} 个，来自 {}（{:g} 人）。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Population field of the origins</source>
        <translation>出发点的人口字段</translation>
    </message>
    <message>
        <source>Road network (lines); empty: straight lines × detour factor</source>
        <translation type="obsolete">路网（线）；为空时按直线距离 × 绕行系数</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Shortest routes to the nearest facilities</source>
        <translation>到最近设施的最短路径</translation>
    </message>
    <message>
        <source>The road network {} has no walkable line.</source>
        <translation type="obsolete">路网 {} 中没有可步行的道路。</translation>
    </message>
    <message>
        <source>Walkable field (yes/no; no = left out, e.g. motorways)</source>
        <translation type="obsolete">可步行字段（是/否；否 = 排除，如高速公路）</translation>
    </message>
    <message>
        <source>Walking network: {} segments, {} nodes, {} connected piece(s).</source>
        <translation type="obsolete">步行网络：{} 条路段，{} 个节点，{} 个连通片区。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Walking speed (m/min); empty: the standard's</source>
        <translation>步行速度（米/分钟）；为空时采用标准的取值</translation>
    </message>
    <message>
        <source>Walking speed field of the roads (m/min)</source>
        <translation type="obsolete">道路步行速度字段（米/分钟）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Walking speed: {} m/min</source>
        <translation>步行速度：{} 米/分钟</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>Walking to {}…</source>
        <translation>正在计算到{}的步行距离…</translation>
    </message>
    <message>
        <source>farther than {:g} m from the road network</source>
        <translation type="obsolete">距路网超过 {:g} 米</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>layer {}, field '{}': populations that are not numbers ≥ 0 count as 0</source>
        <translation>图层 {}，字段“{}”：不是不小于 0 的数字的人口按 0 计</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>layer {}: origin without usable geometry, not counted</source>
        <translation>图层 {}：出发点无可用几何，不计入</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>layer {}: origins that are not points written to the origins output as the point inside each</source>
        <translation>图层 {}：非点要素的起点以其内部一点写入起点输出</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>layer {}: origins the origins output could not take ({})</source>
        <translation>图层 {}：起点输出无法写入的起点（{}）</translation>
    </message>
    <message>
        <source>no {} in the facility layers</source>
        <translation type="obsolete">设施图层中没有{}</translation>
    </message>
    <message>
        <source>no {} on the piece of road network it is on</source>
        <translation type="obsolete">所在的路网片区内没有{}</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>none of its residents can reach one</source>
        <translation>社区内没有居民能够步行到达</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>the community has no geometry</source>
        <translation>社区没有几何</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_walking_access.py"/>
        <source>{} origin(s) of {} lie in no community; their distances are written but count for none.</source>
        <translation>{} 个出发点（{}）不在任何社区内：写出其距离，但不计入任何社区。</translation>
    </message>
</context>
<context>
    <name>EvaluationInputs</name>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}, field '{}': a population of 0 or above {:,} is implausible; check it</source>
        <translation>图层 {}，字段“{}”：人口为 0 或超过 {:,} 不合常理，请核查</translation>
    </message>
    <message>
        <location filename="../processing/inputs/facilities.py"/>
        <source>layer {}, field '{}': categories the standard does not know (not counted): {}</source>
        <translation>图层 {}，字段“{}”：标准中没有的类别（未计入）：{}</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <location filename="../processing/inputs/facilities.py"/>
        <source>layer {}, field '{}': negative values are treated as missing</source>
        <translation>图层 {}，字段“{}”：负值按缺失处理</translation>
    </message>
    <message>
        <location filename="../processing/inputs/life_circles.py"/>
        <source>layer {}, field '{}': populations that are not numbers; the sum of the circle's communities is used</source>
        <translation>图层 {}，字段“{}”：人口不是数字；改用生活圈内各社区人口之和</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}, field '{}': speeds that are not positive numbers are ignored</source>
        <translation>图层 {}，字段“{}”：不是正数的速度被忽略</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}, field '{}': unknown community type (use 新建/既有); rules for new or existing communities only get no_data</source>
        <translation>图层 {}，字段“{}”：无法识别的社区类型（请填写 新建/既有）；仅适用于新建或既有社区的规则结果为“数据不足”</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <location filename="../processing/inputs/facilities.py"/>
        <source>layer {}, field '{}': values that are not numbers are treated as missing</source>
        <translation>图层 {}，字段“{}”：非数字的值按缺失处理</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}, field '{}': values that are not yes/no are treated as missing</source>
        <translation>图层 {}，字段“{}”：不是“是/否”的值按缺失处理</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}, field '{}': values that are not yes/no are treated as walkable</source>
        <translation>图层 {}，字段“{}”：不是“是/否”的值按可步行处理</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}, field '{}': {} feature(s) without an id, reported by feature id: {}</source>
        <translation>图层 {}，字段“{}”：{} 个要素没有编号，按要素 ID 报告：{}</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}: a geometry that is not a line, left out of the network</source>
        <translation>图层 {}：几何不是线，未纳入路网</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}: a point or line, not an area; spatial rules get no_data</source>
        <translation>图层 {}：要素是点或线而不是面；空间类规则为“数据不足”</translation>
    </message>
    <message>
        <location filename="../processing/inputs/facilities.py"/>
        <source>layer {}: coordinates cannot be projected to {} (outside the CRS's area, or latitude and longitude swapped?); not counted</source>
        <translation>图层 {}：坐标无法投影到 {}（超出坐标系范围，或经纬度写反？）；不计入</translation>
    </message>
    <message>
        <location filename="../processing/inputs/facilities.py"/>
        <source>layer {}: coordinates that are not finite numbers; not counted</source>
        <translation>图层 {}：坐标不是有限数值；不计入</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}: coordinates that are not finite numbers; spatial rules get no_data</source>
        <translation>图层 {}：坐标不是有限数值；空间类规则为“数据不足”</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}: coordinates that are not finite or cannot be projected to {}; left out of the network</source>
        <translation>图层 {}：坐标不是有限数值或无法投影到 {}；不纳入路网</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}: geometry cannot be projected to {} or has no area; spatial rules get no_data</source>
        <translation>图层 {}：几何无法投影到 {} 或面积为零；空间类规则为“数据不足”</translation>
    </message>
    <message>
        <source>layer {}: geometry cannot be projected to {}; left out of the network</source>
        <translation type="obsolete">图层 {}：几何无法投影到 {}，未纳入路网</translation>
    </message>
    <message>
        <source>layer {}: geometry cannot be projected to {}; spatial rules get no_data</source>
        <translation type="obsolete">图层 {}：几何无法投影到 {}，空间类规则结果为“数据不足”</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <location filename="../processing/inputs/facilities.py"/>
        <source>layer {}: invalid geometry, repaired for measuring</source>
        <translation>图层 {}：几何无效，已修复后用于量算</translation>
    </message>
    <message>
        <location filename="../processing/inputs/life_circles.py"/>
        <source>layer {}: life circle whose coordinates are not finite or cannot be projected, evaluated without members</source>
        <translation>图层 {}：生活圈坐标不是有限数值或无法投影，按无成员社区评估</translation>
    </message>
    <message>
        <location filename="../processing/inputs/life_circles.py"/>
        <source>layer {}: life circle without geometry, evaluated without members</source>
        <translation>图层 {}：生活圈无几何，按无所含社区评估</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}: line without geometry, left out of the network</source>
        <translation>图层 {}：道路无几何，未纳入路网</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}: more households than residents; check fields '{}' and '{}'</source>
        <translation>图层 {}：户数多于人口，请核查字段“{}”和“{}”</translation>
    </message>
    <message>
        <location filename="../processing/inputs/facilities.py"/>
        <source>layer {}: no geometry; not counted</source>
        <translation>图层 {}：没有几何；不计入</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}: no geometry; spatial rules get no_data</source>
        <translation>图层 {}：无几何，空间类规则结果为“数据不足”</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}: the OSM walkable filter needs a 'highway' field (or OSM's other_tags); this layer has neither</source>
        <translation>图层 {}：OSM 步行过滤需要 highway 字段（或 OSM 的 other_tags），此图层两者都没有</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}: the community id '{}' is used by {} features (feature ids {}); from the second on they are reported as '{}#&lt;feature id&gt;'</source>
        <translation>图层 {}：社区编号“{}”被 {} 个要素使用（要素 ID {}）；自第二个起按“{}#&lt;要素 ID&gt;”报告</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}: {} crossing(s) between a bridge or tunnel and another line are not connected (a flyover does not meet the road below)</source>
        <translation>图层 {}：{} 处桥梁或隧道与其他道路的交叉未连通（高架不与下方道路相接）</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}: {} line part(s) left out of the network (fewer than two distinct points, unusable coordinates or speed)</source>
        <translation>图层 {}：{} 段道路未纳入路网（少于两个不同的点，或坐标、速度不可用）</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}: {} line(s) marked not walkable in '{}' are left out</source>
        <translation>图层 {}：{} 条在“{}”中标为不可步行的道路已排除</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}: {} line(s) that OSM tags say nobody walks on (motorway, trunk, foot=no, access=no/private, not a highway) are left out</source>
        <translation>图层 {}：{} 条 OSM 标签表明不可步行的线（高速公路、快速路、foot=no、access=no/private、非道路）未计入</translation>
    </message>
    <message>
        <location filename="../processing/inputs/communities.py"/>
        <source>layer {}: {} pair(s) of communities overlap (facilities and residents there count for the first in the layer's order only): {}{}</source>
        <translation>图层 {}：有 {} 对社区相互重叠（重叠处的设施和居民只计入图层顺序中靠前的社区）：{}{}</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}: {} place(s) where streets cross or meet without a shared vertex are connected (SPLIT_AT_CROSSINGS)</source>
        <translation>图层 {}：已连通 {} 处道路相交或相接但没有公共节点的位置（SPLIT_AT_CROSSINGS）</translation>
    </message>
    <message>
        <location filename="../processing/inputs/network.py"/>
        <source>layer {}: {} place(s) where streets cross or meet without a shared vertex: the walking network does not connect there (lines drawn in CAD or by hand are often not noded). Turn on 'Connect streets that cross without a shared vertex' (SPLIT_AT_CROSSINGS) if they are real junctions</source>
        <translation>图层 {}：有 {} 处道路相交或相接但没有公共节点：步行网络在这些位置不连通（CAD 绘制或手工数字化的道路常常没有打断）。如果它们确实是路口，请勾选“在无公共节点的道路交叉处连通（桥梁、隧道除外）”（SPLIT_AT_CROSSINGS）</translation>
    </message>
    <message>
        <location filename="../processing/inputs/life_circles.py"/>
        <source>{} communities lie in no life circle of {}.</source>
        <translation>{} 个社区不在 {} 的任何生活圈内。</translation>
    </message>
    <message>
        <location filename="../processing/inputs/problems.py"/>
        <source>{} — {} feature(s): {}{}</source>
        <translation>{} — 共 {} 个要素：{}{}</translation>
    </message>
</context>
<context>
    <name>ExportAtlasAlgorithm</name>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Atlas (PDF)</source>
        <translation>社区图集（PDF）</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Cannot open the community layer {}.</source>
        <translation>无法打开社区图层 {}。</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Cannot open the layer {}.</source>
        <translation>无法打开图层 {}。</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Community atlas, one page per community</source>
        <translation>社区图集（一社区一档）</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Community name field</source>
        <translation>社区名称字段</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Complete community record</source>
        <translation>完整居住社区评估档案</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Evaluated communities</source>
        <translation>评估后的社区</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Facilities (classified)</source>
        <translation>设施（已分类）</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Folder for one file per community</source>
        <translation>每个社区单独输出文件的文件夹</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Format of the files per community</source>
        <translation>单个社区文件的格式</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>One A4 page per community for the street offices that must fix the gaps: the community's name, verdict, score and missing items; a map zoomed to it with its neighbours faded, the roads, the facilities by category, its walking routes to the nearest facility of each kind and the service areas of the kinds it does not reach within the limit, with a legend; a table of every item (required or advisory, its result in the status colour); the rules it does not meet (required or advisory, measured value, threshold, clause); and the guide's advice for each missing item.&lt;br&gt;&lt;br&gt;&lt;b&gt;Communities&lt;/b&gt;: the communities layer written by assess (or evaluate_facilities). &lt;b&gt;Rules&lt;/b&gt;: its community_rules table. Roads, facilities, walking routes and service areas are optional: give the layers of the same run.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one PDF with every page, in the order of the community ids; optionally a folder with one PDF or PNG per community, named after it.&lt;br&gt;&lt;br&gt;&lt;b&gt;Example&lt;/b&gt;: INPUT=out/sample_district_assessment.gpkg|layername=communities, RULES=…|layername=community_rules, OUTPUT=out/sample_district_atlas.pdf gives 14 pages.</source>
        <translation>每个社区一页 A4，交给负责补短板的街道办：社区名称、结论、得分和缺项；缩放到该社区的地图（相邻社区淡化显示），含道路、按类别显示的设施、到各类最近设施的步行路线，以及该社区在限值内未达到的设施类别的服务范围，并附图例；各建设项目一览表（强制或建议，结果按状态着色）；未满足的规则（强制或建议、实测值、标准值、条款）；以及每个缺项的指南建议。&lt;br&gt;&lt;br&gt;&lt;b&gt;社区&lt;/b&gt;：assess（或 evaluate_facilities）输出的 communities 图层。&lt;b&gt;规则&lt;/b&gt;：同一次评估的 community_rules 表。道路、设施、步行路线和服务范围为可选：请使用同一次评估的图层。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：一个包含所有页面的 PDF，按社区编号排序；可选输出一个文件夹，每个社区一个以其名称命名的 PDF 或 PNG。&lt;br&gt;&lt;br&gt;&lt;b&gt;示例&lt;/b&gt;：INPUT=out/sample_district_assessment.gpkg|layername=communities，RULES=…|layername=community_rules，OUTPUT=out/sample_district_atlas.pdf，得到 14 页。</translation>
    </message>
    <message>
        <source>One A4 page per community for the street offices that must fix the gaps: the community's name, verdict, score and missing items; a map zoomed to it with its neighbours faded, the roads, the facilities by category, its walking routes to the nearest facility of each kind and the service areas; every item's result; the rules it does not meet (required or advisory, measured value, threshold, clause); and the guide's advice for each missing item.&lt;br&gt;&lt;br&gt;&lt;b&gt;Communities&lt;/b&gt;: the communities layer written by assess (or evaluate_facilities). &lt;b&gt;Rules&lt;/b&gt;: its community_rules table. Roads, facilities, walking routes and service areas are optional: give the layers of the same run.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one PDF with every page, in the order of the community ids; optionally a folder with one PDF or PNG per community, named after it.&lt;br&gt;&lt;br&gt;&lt;b&gt;Example&lt;/b&gt;: INPUT=out/sample_district_assessment.gpkg|layername=communities, RULES=…|layername=community_rules, OUTPUT=out/sample_district_atlas.pdf gives 14 pages.</source>
        <translation type="obsolete">每个社区一页 A4，交给负责补短板的街道办：社区名称、结论、得分和缺项；缩放到该社区的地图（相邻社区淡化显示），含道路、按类别显示的设施、到各类最近设施的步行路线和服务范围；各建设项目的结果；未满足的规则（强制或建议、实测值、标准值、条款）；以及每个缺项的指南建议。&lt;br&gt;&lt;br&gt;&lt;b&gt;社区&lt;/b&gt;：assess（或 evaluate_facilities）输出的 communities 图层。&lt;b&gt;规则&lt;/b&gt;：同一次评估的 community_rules 表。道路、设施、步行路线和服务范围为可选：请使用同一次评估的图层。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：一个包含所有页面的 PDF，按社区编号排序；可选输出一个文件夹，每个社区一个以其名称命名的 PDF 或 PNG。&lt;br&gt;&lt;br&gt;&lt;b&gt;示例&lt;/b&gt;：INPUT=out/sample_district_assessment.gpkg|layername=communities，RULES=…|layername=community_rules，OUTPUT=out/sample_district_atlas.pdf，得到 14 页。</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>One {} per community into {}…</source>
        <translation>每个社区一个 {}，写入 {}…</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Page title after the name</source>
        <translation>页面标题（社区名称之后）</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Reading the rules not met…</source>
        <translation>正在读取未满足的规则……</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Resolution (dots per inch)</source>
        <translation>分辨率（DPI）</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Results per rule (community_rules)</source>
        <translation>逐条规则结果（community_rules）</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Service areas of the kinds not reached</source>
        <translation>未达到的设施类别的服务范围</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Standard: {source} · made {date} with QGIS {qgis} (Complete Community plugin)</source>
        <translation>标准：{source} · {date} 由 QGIS {qgis}（完整居住社区插件）制作</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The atlas must be a PDF file: {}</source>
        <translation>图集必须是 PDF 文件：{}</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The layer {} has no communities.</source>
        <translation>图层 {} 中没有社区。</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The layer {} has no field {}: give the communities layer written by assess or evaluate_facilities.</source>
        <translation>图层 {} 没有字段 {}：请使用 assess 或 evaluate_facilities 输出的社区图层。</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>The rules table {} has no field {}: give the community_rules table of the same run.</source>
        <translation>规则表 {} 没有字段 {}：请使用同一次评估的 community_rules 表。</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>Walking routes</source>
        <translation>步行路线</translation>
    </message>
    <message>
        <location filename="../processing/export_atlas.py"/>
        <source>{} pages into {}…</source>
        <translation>{} 页，写入 {}…</translation>
    </message>
</context>
<context>
    <name>ExportMapAlgorithm</name>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Basemap under everything (e.g. a 天地图 or OSM tile layer of the project)</source>
        <translation>底图（最下层，如项目中的天地图或 OSM 瓦片图层）</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Cannot open the basemap {}.</source>
        <translation>无法打开底图 {}。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Cannot open the community layer {}.</source>
        <translation>无法打开社区图层 {}。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Cannot open the layer {}.</source>
        <translation>无法打开图层 {}。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Cannot open the overlay layer {}.</source>
        <translation>无法打开叠加图层 {}。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Cannot write the map to {}: no permission to write there.</source>
        <translation>无法将地图写入 {}：没有写入权限。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Cannot write the map to {}: the folder {} cannot be created ({}).</source>
        <translation>无法将地图写入 {}：无法创建文件夹 {}（{}）。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Communities by {}: {}</source>
        <translation>按 {} 统计的社区：{}</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Community name field (labels)</source>
        <translation>社区名称字段（标注）</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Complete community assessment map</source>
        <translation>完整居住社区评估图</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Complete community compliance</source>
        <translation>完整居住社区达标情况</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Drawing the {} map into {}…</source>
        <translation>正在将 {} 地图绘制到 {}……</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Draws the evaluated communities as a map to print or hand on, and writes it as PDF or PNG: a title and subtitle, the communities coloured by their status (达标 green, 不达标 red, 建议改进 amber, 数据不足 grey, 仅供参考 blue, 不适用 pale grey) and labelled with name and score, a legend with the number of communities of each status, any overlay layers in their own style, a north arrow, a scale bar in metres and a line naming the standard, the date and the number of communities. Your layers are not changed: the map is drawn from copies. Chinese text is drawn with a Chinese font found on this computer (Microsoft YaHei, SimHei, PingFang SC, Noto Sans CJK SC, WenQuanYi Micro Hei…); without one the log says which to install.&lt;br&gt;&lt;b&gt;Evaluated communities&lt;/b&gt;: a result layer of an evaluation (e.g. evaluate_facilities). &lt;b&gt;Status field&lt;/b&gt;: what colours the map, cc_status (overall) by default, or one item's &amp;lt;item&amp;gt;_status. &lt;b&gt;Name field&lt;/b&gt; (optional): labels the communities. &lt;b&gt;Title&lt;/b&gt;, &lt;b&gt;Subtitle&lt;/b&gt; (optional; empty: today's date and the standard's name). {}&lt;br&gt;&lt;b&gt;Overlay layers&lt;/b&gt; (optional): drawn above the communities, e.g. facilities or service areas; the legend lists only their classes on the map. &lt;b&gt;Paper&lt;/b&gt;: A4 or A3 landscape. &lt;b&gt;Resolution&lt;/b&gt;: dots per inch of a PNG (150 for screens and slides, 300 for print). &lt;b&gt;Map file&lt;/b&gt;: the format follows the extension, .pdf or .png.&lt;br&gt;&lt;br&gt;Example: scripts/qgis_process.sh run complete_community:export_map -- "INPUT=out/sample_district_assessment.gpkg|layername=community_facilities" NAME_FIELD=name "OVERLAYS=out/sample_district_assessment.gpkg|layername=facilities" PAPER=1 OUTPUT=out/assessment_map.pdf</source>
        <translation>把评估后的居住社区绘制成可打印、可报送的地图，并输出为 PDF 或 PNG：标题和副标题；按状态着色的社区（达标为绿色、不达标为红色、建议改进为琥珀色、数据不足为灰色、仅供参考为蓝色、不适用为浅灰色），并标注社区名称和得分；图例列出每种状态的社区数量；叠加图层保持各自的样式；指北针、以米为单位的比例尺，以及注明标准、日期和社区数量的说明行。不会修改您的图层：地图由图层副本绘制。中文文字使用本机已安装的中文字体（Microsoft YaHei、SimHei、PingFang SC、Noto Sans CJK SC、WenQuanYi Micro Hei……）；若没有，日志会提示应安装的字体。&lt;br&gt;&lt;b&gt;评估后的社区&lt;/b&gt;：评估算法的结果图层（例如 evaluate_facilities）。&lt;b&gt;状态字段&lt;/b&gt;：决定地图颜色的字段，默认为 cc_status（总体结论），也可以是某一项的 &amp;lt;item&amp;gt;_status。&lt;b&gt;名称字段&lt;/b&gt;（可选）：用于标注社区。&lt;b&gt;标题&lt;/b&gt;、&lt;b&gt;副标题&lt;/b&gt;（可选；留空则为当天日期和标准名称）。{}&lt;br&gt;&lt;b&gt;叠加图层&lt;/b&gt;（可选）：绘制在社区之上，例如设施或服务范围；图例只列出其在地图范围内出现的类别。&lt;b&gt;纸张&lt;/b&gt;：A4 或 A3 横向。&lt;b&gt;分辨率&lt;/b&gt;：PNG 的每英寸点数（屏幕和幻灯片用 150，印刷用 300）。&lt;b&gt;地图文件&lt;/b&gt;：格式由扩展名决定，.pdf 或 .png。&lt;br&gt;&lt;br&gt;示例：scripts/qgis_process.sh run complete_community:export_map -- "INPUT=out/sample_district_assessment.gpkg|layername=community_facilities" NAME_FIELD=name "OVERLAYS=out/sample_district_assessment.gpkg|layername=facilities" PAPER=1 OUTPUT=out/assessment_map.pdf</translation>
    </message>
    <message>
        <source>Draws the evaluated communities as a map to print or hand on, and writes it as PDF or PNG: a title and subtitle, the communities coloured by their status (达标 green, 不达标 red, 数据不足 grey, 不适用 pale grey) and labelled with name and score, a legend with the number of communities of each status, any overlay layers in their own style, a north arrow, a scale bar in metres and a line naming the standard, the date and the number of communities. Your layers are not changed: the map is drawn from copies. Chinese text is drawn with a Chinese font found on this computer (Microsoft YaHei, SimHei, PingFang SC, Noto Sans CJK SC, WenQuanYi Micro Hei…); without one the log says which to install.&lt;br&gt;&lt;b&gt;Evaluated communities&lt;/b&gt;: a result layer of an evaluation (e.g. evaluate_facilities). &lt;b&gt;Status field&lt;/b&gt;: what colours the map, cc_status (overall) by default, or one item's &amp;lt;item&amp;gt;_status. &lt;b&gt;Name field&lt;/b&gt; (optional): labels the communities. &lt;b&gt;Title&lt;/b&gt;, &lt;b&gt;Subtitle&lt;/b&gt; (optional; empty: today's date and the standard's name). {}&lt;br&gt;&lt;b&gt;Overlay layers&lt;/b&gt; (optional): drawn above the communities, e.g. facilities or service areas; the legend lists only their classes on the map. &lt;b&gt;Paper&lt;/b&gt;: A4 or A3 landscape. &lt;b&gt;Resolution&lt;/b&gt;: dots per inch of a PNG (150 for screens and slides, 300 for print). &lt;b&gt;Map file&lt;/b&gt;: the format follows the extension, .pdf or .png.&lt;br&gt;&lt;br&gt;Example: scripts/qgis_process.sh run complete_community:export_map -- "INPUT=out/sample_district_assessment.gpkg|layername=community_facilities" NAME_FIELD=name "OVERLAYS=out/sample_district_assessment.gpkg|layername=facilities" PAPER=1 OUTPUT=out/assessment_map.pdf</source>
        <translation type="obsolete">把评估后的居住社区绘制成可打印、可报送的地图，并输出为 PDF 或 PNG：标题和副标题；按状态着色的社区（达标为绿色、不达标为红色、数据不足为灰色、不适用为浅灰色），并标注社区名称和得分；图例列出每种状态的社区数量；叠加图层保持各自的样式；指北针、以米为单位的比例尺，以及注明标准、日期和社区数量的说明行。不会修改您的图层：地图由图层副本绘制。中文文字使用本机已安装的中文字体（Microsoft YaHei、SimHei、PingFang SC、Noto Sans CJK SC、WenQuanYi Micro Hei……）；若没有，日志会提示应安装的字体。&lt;br&gt;&lt;b&gt;评估后的社区&lt;/b&gt;：评估算法的结果图层（例如 evaluate_facilities）。&lt;b&gt;状态字段&lt;/b&gt;：决定地图颜色的字段，默认为 cc_status（总体结论），也可以是某一项的 &amp;lt;item&amp;gt;_status。&lt;b&gt;名称字段&lt;/b&gt;（可选）：用于标注社区。&lt;b&gt;标题&lt;/b&gt;、&lt;b&gt;副标题&lt;/b&gt;（可选；留空则为当天日期和标准名称）。{}&lt;br&gt;&lt;b&gt;叠加图层&lt;/b&gt;（可选）：绘制在社区之上，例如设施或服务范围；图例只列出其在地图范围内出现的类别。&lt;b&gt;纸张&lt;/b&gt;：A4 或 A3 横向。&lt;b&gt;分辨率&lt;/b&gt;：PNG 的每英寸点数（屏幕和幻灯片用 150，印刷用 300）。&lt;b&gt;地图文件&lt;/b&gt;：格式由扩展名决定，.pdf 或 .png。&lt;br&gt;&lt;br&gt;示例：scripts/qgis_process.sh run complete_community:export_map -- "INPUT=out/sample_district_assessment.gpkg|layername=community_facilities" NAME_FIELD=name "OVERLAYS=out/sample_district_assessment.gpkg|layername=facilities" PAPER=1 OUTPUT=out/assessment_map.pdf</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Evaluated communities</source>
        <translation>评估后的社区</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Export assessment map</source>
        <translation>导出评估图</translation>
    </message>
    <message>
        <source>Export assessment map (导出评估图)</source>
        <translation type="obsolete">导出评估图（Export assessment map）</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Facilities (small symbols by category)</source>
        <translation>设施（按类别的小符号）</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Facilities not counted</source>
        <translation>未计入的设施</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Facility areas</source>
        <translation>设施用地</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Figures by area</source>
        <translation>按区域汇总</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Font: {}</source>
        <translation>字体：{}</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Life circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Map file (PDF or PNG)</source>
        <translation>地图文件（PDF 或 PNG）</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>No font with Chinese characters was found ({}): Chinese text on the map may show as empty boxes. Install one, e.g. Microsoft YaHei or SimHei (Windows), PingFang SC (macOS), Noto Sans CJK SC (Debian/Ubuntu package fonts-noto-cjk) or WenQuanYi Micro Hei (fonts-wqy-microhei).</source>
        <translation>未找到包含中文字符的字体（{}）：地图上的中文可能显示为空白方框。请安装一种中文字体，例如 Microsoft YaHei 或 SimHei（Windows）、PingFang SC（macOS）、Noto Sans CJK SC（Debian/Ubuntu 软件包 fonts-noto-cjk）或 WenQuanYi Micro Hei（fonts-wqy-microhei）。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Overlay layers drawn above the communities (facilities, service areas…)</source>
        <translation>绘制在社区之上的叠加图层（设施、服务范围……）</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Resolution of a PNG (dots per inch)</source>
        <translation>PNG 分辨率（每英寸点数）</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Roads (thin grey lines above the communities)</source>
        <translation>道路（社区之上的灰色细线）</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Standard: {source} · {count} communities · map made {date} with QGIS {qgis} (Complete Community plugin)</source>
        <translation>评估标准：{source} · 社区 {count} 个 · {date} 由 QGIS {qgis}（完整居住社区插件）制图</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Status field that colours the map</source>
        <translation>决定地图颜色的状态字段</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Subtitle (empty: today's date and the standard)</source>
        <translation>副标题（留空：当天日期和标准名称）</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>The layer {} has no communities to map.</source>
        <translation>图层 {} 中没有可绘制的社区。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>The map is drawn in {} ({}).</source>
        <translation>地图采用 {}（{}）绘制。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>The name field '{field}' is not in the layer {layer}.</source>
        <translation>图层 {layer} 中没有名称字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>The status field '{field}' is not in the layer {layer}. Status fields there: {fields}. Map a result layer of an evaluation (e.g. evaluate_facilities).</source>
        <translation>图层 {layer} 中没有状态字段“{field}”。该图层的状态字段：{fields}。请选择评估算法的结果图层（例如 evaluate_facilities）。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Unknown map format '{}' ({}): give a file name ending in .pdf or .png.</source>
        <translation>未知的地图格式“{}”（{}）：请给出以 .pdf 或 .png 结尾的文件名。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>Walking routes</source>
        <translation>步行路线</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>{} of {} communities have no status in {} (pass, fail, no_data, not_applicable) and are not coloured.</source>
        <translation>{} 个社区（共 {} 个）在 {} 中没有状态（pass、fail、no_data、not_applicable），未着色。</translation>
    </message>
    <message>
        <location filename="../processing/export_map.py"/>
        <source>{}: compliance</source>
        <translation>{}达标情况</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Complete Community — help</source>
        <translation type="obsolete">完整居住社区 — 帮助</translation>
    </message>
    <message>
        <location filename="../ui/help_dialog.py"/>
        <source>Complete Community — user guide</source>
        <translation>完整居住社区 — 用户指南</translation>
    </message>
    <message>
        <location filename="../ui/help_dialog.py"/>
        <source>Open in web browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <location filename="../ui/help_dialog.py"/>
        <source>Project home page</source>
        <translation>项目主页</translation>
    </message>
    <message>
        <source>The README is missing from this installation; see {}</source>
        <translation type="obsolete">此安装缺少 README 文件，请参阅 {}</translation>
    </message>
</context>
<context>
    <name>ImportPoisAlgorithm</name>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>  not counted, {} ({}): {}</source>
        <translation>  未计入，{}（{}）：{}</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>  {} ({}): {}</source>
        <translation>  {}（{}）：{}</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>&lt;b&gt;Example&lt;/b&gt;: an Amap CSV of 2,000 POIs around a district: 翠竹社区卫生服务站 typed 诊所 becomes health_station (by name), 菜鸟驿站(翠竹苑店) express_station, 星巴克 is listed as out of scope; the points land on the surveyed streets in EPSG:4547, ready for evaluate_facilities with CATEGORY_FIELD=cc_category.</source>
        <translation>&lt;b&gt;示例&lt;/b&gt;：一个街区周边 2000 个兴趣点的高德 CSV：类型为“诊所”的 翠竹社区卫生服务站 按名称归为 health_station，菜鸟驿站(翠竹苑店) 归为 express_station，星巴克 列为不属于指南设施；各点落在 EPSG:4547 的实测道路上，可直接用于 evaluate_facilities（CATEGORY_FIELD=cc_category）。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Amap 高德</source>
        <translation>高德</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Automatic (Amap, Tencent: GCJ-02; Baidu: BD-09; others: WGS84)</source>
        <translation>自动（高德、腾讯：GCJ-02；百度：BD-09；其他：WGS84）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Automatic (from the field names)</source>
        <translation>自动（根据字段名识别）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>BD-09 (Baidu 百度)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Baidu 百度</source>
        <translation>百度</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>CGCS2000 (survey, Tianditu 天地图)</source>
        <translation>CGCS2000（测绘、天地图）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Classified POIs</source>
        <translation>已分类的兴趣点</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Coordinate system of the data</source>
        <translation>数据的坐标系</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Coordinates: {} corrected to WGS84/CGCS2000, then projected to {}.</source>
        <translation>坐标：{} 已纠偏为 WGS84/CGCS2000，再投影到 {}。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Coordinates: {}, projected to {}.</source>
        <translation>坐标：{}，投影到 {}。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Fields read: {}.</source>
        <translation>读取的字段：{}。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>GCJ-02 (Amap 高德, Tencent 腾讯)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Import POIs (Amap, Baidu, Tencent, OSM)</source>
        <translation>导入兴趣点（高德/百度/腾讯/OSM）</translation>
    </message>
    <message>
        <source>Import POIs (导入兴趣点：高德/百度/腾讯/OSM)</source>
        <translation type="obsolete">导入兴趣点（高德/百度/腾讯/OSM）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Latitude field</source>
        <translation>纬度字段</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Location field ('lng,lat' text)</source>
        <translation>位置字段（“经度,纬度”文本）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Longitude field</source>
        <translation>经度字段</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Matched by: {}.</source>
        <translation>匹配方式：{}。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>OSM tags read from: {}.</source>
        <translation>OSM 标签读取自：{}。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>OpenStreetMap</source>
        <translation>开放街道地图（OSM）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Other table (generic)</source>
        <translation>其他表格（通用）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>POI table or layer (CSV, XLSX, points)</source>
        <translation>兴趣点表格或图层（CSV、XLSX、点）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>POIs classified</source>
        <translation>已分类兴趣点数</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>POIs not counted</source>
        <translation>未计入的兴趣点</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Positions read from the layer's geometry ({}).</source>
        <translation>位置取自图层几何（{}）。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Target CRS (empty: the CGCS2000 3° Gauss-Krüger zone of the data)</source>
        <translation>目标坐标系（留空：数据所在的 CGCS2000 3 度高斯-克吕格投影带）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Target CRS: EPSG:{}, the CGCS2000 3° Gauss-Krüger zone of the data's centre (longitude {:.2f}°).</source>
        <translation>目标坐标系：EPSG:{}，数据中心（经度 {:.2f}°）所在的 CGCS2000 3 度高斯-克吕格投影带。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Tencent 腾讯</source>
        <translation>腾讯</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>The layer {} has no field '{}'.</source>
        <translation>图层 {} 没有字段“{}”。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Turns a POI export into facilities the evaluations can use, in one step: the provider's coordinates are corrected (GCJ-02 of Amap and Tencent, BD-09 of Baidu: 300–700 m off) and projected, and every POI is classified into the guide's categories from its type code, type and name.&lt;br&gt;&lt;br&gt;&lt;b&gt;Input&lt;/b&gt;: a CSV or spreadsheet without geometry (Amap's 'location' = 'lng,lat', or longitude and latitude fields) or a point layer. &lt;b&gt;Source&lt;/b&gt;: automatic recognises an Amap export by 'location' with 'type'/'typecode', a Baidu export by 'uid' with 'tag' or 'detail_info', a Tencent export by 'category' with 'id', an OSM layer by its tag fields; the log says what was recognised and why. &lt;b&gt;Coordinates&lt;/b&gt;: automatic follows the source. Fields left empty are guessed from the usual export field names. &lt;b&gt;Target CRS&lt;/b&gt;: empty = the CGCS2000 3-degree Gauss-Krüger zone of the data's centre (EPSG:4547 at 114°E).&lt;br&gt;Classification: your mapping table, then the type code, the most specific type level, the name (read from the end with the branch '(…店)' removed: 幼儿园路便利店 is a convenience store) and the broader type levels. Generic types (诊所, 乡镇以下级政府及事业单位, 生活服务场所, 物流速递) are decided by the name. Vocabularies: standards/sources/*.yaml.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: points with every input field plus cc_category (codes; several joined by ';' for a POI with several functions), cc_category_name, cc_match (mapping_table, typecode, type, name or alias), cc_match_detail and the raw coordinates. &lt;b&gt;Not counted&lt;/b&gt;: every other row (cafés, residential compounds, unknown types, bad coordinates) with cc_reason. The log counts both per category and per reason.</source>
        <translation>一步把兴趣点导出数据变成评估可用的设施：纠正地图服务商的坐标偏移（高德、腾讯为 GCJ-02，百度为 BD-09，偏差 300—700 米）并投影，再按类型编码、类型和名称把每个兴趣点归入指南的设施类别。&lt;br&gt;&lt;br&gt;&lt;b&gt;输入&lt;/b&gt;：无几何的 CSV 或电子表格（高德的 location = “经度,纬度”，或经度、纬度两个字段），或点图层。&lt;b&gt;数据来源&lt;/b&gt;：自动识别时，有 location 且有 type/typecode 的为高德导出，有 uid 且有 tag 或 detail_info 的为百度导出，有 category 且有 id 的为腾讯导出，有标签字段的为 OSM 图层；日志说明识别结果及依据。&lt;b&gt;坐标系&lt;/b&gt;：自动时随数据来源而定。留空的字段按常见导出字段名猜测。&lt;b&gt;目标坐标系&lt;/b&gt;：留空为数据中心所在的 CGCS2000 3 度高斯-克吕格投影带（114°E 为 EPSG:4547）。&lt;br&gt;分类顺序：您的对照表、类型编码、最细一级类型、名称（从末尾读起，去掉“(…店)”之类的分店后缀：幼儿园路便利店 是便利店）、较粗的类型层级。宽泛类型（诊所、乡镇以下级政府及事业单位、生活服务场所、物流速递）由名称决定。词表：standards/sources/*.yaml。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：点图层，保留全部输入字段，并增加 cc_category（类别代码；一个兴趣点有多种功能时以“;”连接）、cc_category_name、cc_match（mapping_table、typecode、type、name 或 alias）、cc_match_detail 及原始坐标。&lt;b&gt;未计入&lt;/b&gt;：其余各行（咖啡馆、住宅小区、未知类型、坐标有误），附 cc_reason。日志按类别和原因分别计数。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Type code field</source>
        <translation>类型编码字段</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>Type field</source>
        <translation>类型字段</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>WGS84 (GPS, OSM)</source>
        <translation>WGS84（GPS、OSM）</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>none recognised</source>
        <translation>未识别到</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>{} row(s) read: {} classified, {} not counted.</source>
        <translation>读取 {} 行：{} 个已分类，{} 个未计入。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>{}: Source is set to {}, but the fields {} look like a {} export.</source>
        <translation>{}：数据来源设为 {}，但字段 {} 看起来是 {} 的导出数据。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>{}: no name, type or type code field found among {}; choose them with Name field and Type field.</source>
        <translation>{}：在 {} 中找不到名称、类型或类型编码字段；请通过“名称字段”和“类型字段”指定。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>{}: no provider's export recognised (fields: {}); read as a generic table.</source>
        <translation>{}：未识别出地图服务商的导出格式（字段：{}），按通用表格读取。</translation>
    </message>
    <message>
        <source>{}: recognised a {} export by its fields {}.</source>
        <translation type="obsolete">{}：识别为{}导出数据，依据字段 {}。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>{}: recognised as an export of {} by its fields {}.</source>
        <translation>{}：识别为{}导出数据，依据字段 {}。</translation>
    </message>
    <message>
        <location filename="../processing/import_pois.py"/>
        <source>{}: the first row holds the field names ({}); read as the header.</source>
        <translation>{}：第一行是字段名（{}），已作为表头读取。</translation>
    </message>
</context>
<context>
    <name>LifeCircleParameters</name>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Life circle name field</source>
        <translation>生活圈名称字段</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Life circle population field (empty: sum of its communities)</source>
        <translation>生活圈人口字段（为空时为所含社区人口之和）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Life circles (polygons); empty: formed from the communities</source>
        <translation>生活圈（面）；为空时由社区组合生成</translation>
    </message>
</context>
<context>
    <name>LifeCircleReasons</name>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Density: the formed circles below the population floor hold a median {:,.0f} residents per km² of their radius; at that density a circle of {:,.0f} m holds about {:,.0f} residents, fewer than the floor of {:,.0f}. Here the floor cannot be met within the radius: give the planned life circles (生活圈 or 街道 polygons), or check the population field.</source>
        <translation>密度：低于人口下限的自动组合生活圈，按其半径计中位数为每平方公里 {:,.0f} 人；以此密度，半径 {:,.0f} 米的生活圈约容纳 {:,.0f} 人，少于下限 {:,.0f} 人。此处在服务半径内无法达到人口下限：请提供规划的生活圈（生活圈或街道范围面），或检查人口字段。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>Why the formed circles that are not met stopped growing: {}.</source>
        <translation>未达标的自动组合生活圈停止扩展的原因：{}。</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>{} (no data)</source>
        <translation>{}（数据不足）</translation>
    </message>
    <message>
        <location filename="../processing/evaluate_life_circle.py"/>
        <source>{} of {} life circles are not met. Rules not met: {}.</source>
        <translation>{} 个生活圈（共 {} 个）未达标。未满足的规则：{}。</translation>
    </message>
</context>
<context>
    <name>MapLayout</name>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>Could not export the map to {}.</source>
        <translation>无法将地图导出到 {}。</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>Could not write {}: check that the folder exists and is writable and that the file is not open in another program.</source>
        <translation>无法写入 {}：请检查文件夹是否存在且可写，以及该文件是否正被其他程序打开。</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>Drawing {} was cancelled.</source>
        <translation>绘制 {} 已取消。</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>Missing: </source>
        <translation>缺：</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>Not drawn at this scale (too dense to read): {}</source>
        <translation>此比例尺下未绘制（过密无法辨认）：{}</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>Not enough memory to draw {}: choose a lower resolution (DPI).</source>
        <translation>内存不足，无法绘制 {}：请选择较低的分辨率（DPI）。</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>The classes of the overlay layers do not fit beside the map: the legend lists the overlay layers by name only.</source>
        <translation>叠加图层的类别在地图旁放不下：图例只列出叠加图层的名称。</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>The legend ({:.0f} × {:.0f} mm) is larger than the {:.0f} × {:.0f} mm beside the map and runs over: show fewer overlay layers or use A3.</source>
        <translation>图例（{:.0f} × {:.0f} 毫米）超出地图旁 {:.0f} × {:.0f} 毫米的空间：请减少叠加图层或改用 A3。</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>The map leaves out layers too dense to read at its scale: {}</source>
        <translation>地图未绘制在其比例尺下过密无法辨认的图层：{}</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>Unknown map format '{}': give a file name ending in {}.</source>
        <translation>未知的地图格式“{}”：请给出以 {} 结尾的文件名。</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>Unknown paper size {}: use one of {}.</source>
        <translation>未知的纸张尺寸 {}：请使用 {} 之一。</translation>
    </message>
    <message>
        <location filename="../report/map_layout.py"/>
        <source>m</source>
        <translation>米</translation>
    </message>
</context>
<context>
    <name>MeasureKinds</name>
    <message>
        <location filename="../standards/measure_kinds.py"/>
        <source>a number of the community (e.g. population)</source>
        <translation>社区的一项数值（如人口）</translation>
    </message>
    <message>
        <location filename="../standards/measure_kinds.py"/>
        <source>a share of two attributes of the largest facility</source>
        <translation>最大设施两项属性之比</translation>
    </message>
    <message>
        <location filename="../standards/measure_kinds.py"/>
        <source>an attribute of the community's facilities (area, classes, …), aggregated</source>
        <translation>社区设施某项属性（面积、班数等）的汇总值</translation>
    </message>
    <message>
        <location filename="../standards/measure_kinds.py"/>
        <source>how many facilities of these categories the community has</source>
        <translation>社区内这些类别设施的数量</translation>
    </message>
    <message>
        <location filename="../standards/measure_kinds.py"/>
        <source>the farthest reach from the community's centre to its boundary</source>
        <translation>社区中心至边界的最远距离</translation>
    </message>
    <message>
        <location filename="../standards/measure_kinds.py"/>
        <source>walking distance or time to the nearest facility of these categories</source>
        <translation>至最近的这些类别设施的步行距离或时间</translation>
    </message>
    <message>
        <location filename="../standards/measure_kinds.py"/>
        <source>yes/no attributes of the community, all required</source>
        <translation>社区的是/否属性，须全部满足</translation>
    </message>
</context>
<context>
    <name>OutputFields</name>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Advisory (建议改进)</source>
        <translation>建议改进</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Alternative that decided</source>
        <translation>起决定作用的方案</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Applies to</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Applies to (words)</source>
        <translation>适用对象（文字）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Area (m²)</source>
        <translation>面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Area rules not checked (no value)</source>
        <translation>未检查的面积规定（无数值）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>CRS distances were measured in</source>
        <translation>距离量算所用坐标系</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Candidate given or generated</source>
        <translation>候选来源（给定/生成）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Category as written</source>
        <translation>原始类别</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Category name of the standard</source>
        <translation>标准设施类别名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Category of the standard</source>
        <translation>标准设施类别</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Clause of the guide</source>
        <translation>指南条款</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Communities assessed</source>
        <translation>评估社区数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Communities failing</source>
        <translation>不达标社区数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Communities in the circle</source>
        <translation>所含社区</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Communities whose item is met</source>
        <translation>因此达标的社区</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Communities without a decision</source>
        <translation>数据不足社区数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Communities without a population</source>
        <translation>缺少人口数据的社区数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Community id</source>
        <translation>社区编号</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Community name</source>
        <translation>社区名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Complete communities</source>
        <translation>完整居住社区数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Complete community score</source>
        <translation>完整社区得分</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Complete community score without the planned facilities</source>
        <translation>完整社区得分（不含规划设施）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Complete community verdict</source>
        <translation>完整社区结论</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Complete community verdict without the planned facilities</source>
        <translation>完整社区结论（不含规划设施）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Complete-community rate by communities (%)</source>
        <translation>完整社区达标率（按社区数，%）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Complete-community rate by residents (%)</source>
        <translation>完整社区达标率（按人口，%）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Coordinate system of the export</source>
        <translation>导出数据的坐标系</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Defined in</source>
        <translation>定义于</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Facility categories</source>
        <translation>设施类别</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Facility category</source>
        <translation>设施类别</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Facility category name</source>
        <translation>设施类别名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Feature id in the source layer</source>
        <translation>源图层要素编号</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Group</source>
        <translation>目标分组</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Guide's lower figure</source>
        <translation>指南下限值</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Guide's upper figure</source>
        <translation>指南上限值</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>How distances were measured</source>
        <translation>距离量算方式</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>How the category was matched</source>
        <translation>类别匹配方式</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>How the distance was measured</source>
        <translation>距离量算方式</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Item</source>
        <translation>建设项目</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Item name</source>
        <translation>建设项目名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Item name of the standard</source>
        <translation>标准建设项目名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Item number</source>
        <translation>项目序号</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Item of the standard</source>
        <translation>标准建设项目</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Items assessed</source>
        <translation>参评项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Items evaluated</source>
        <translation>评估范围（项目）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Items failed</source>
        <translation>不达标项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Items met</source>
        <translation>达标项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Items missing</source>
        <translation>缺项</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Items without enough data</source>
        <translation>数据不足项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Latitude as exported</source>
        <translation>原始纬度</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Level</source>
        <translation>要求等级</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Level (words)</source>
        <translation>要求等级（文字）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle drawn or formed</source>
        <translation>生活圈来源</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle id</source>
        <translation>生活圈编号</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle name</source>
        <translation>生活圈名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle rules not met</source>
        <translation>生活圈未达标条款</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle score</source>
        <translation>生活圈得分</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle verdict</source>
        <translation>生活圈结论</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle: advisory (建议改进)</source>
        <translation>生活圈：建议改进</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle: items assessed</source>
        <translation>生活圈：参评项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle: items evaluated</source>
        <translation>生活圈：评估范围（项目）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle: items failed</source>
        <translation>生活圈：不达标项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle: items met</source>
        <translation>生活圈：达标项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Life circle: items without enough data</source>
        <translation>生活圈：数据不足项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Longitude as exported</source>
        <translation>原始经度</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Maximum</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Measure</source>
        <translation>度量</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Measured</source>
        <translation>实测值</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Minimum</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Number of communities</source>
        <translation>社区数量</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>OpenStreetMap tags</source>
        <translation>OpenStreetMap 标签</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Order to build in</source>
        <translation>建设顺序</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Other names</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Planned facilities counted</source>
        <translation>计入的规划设施数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Planned facility (1) or existing (0)</source>
        <translation>规划设施（1）或现有设施（0）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Population (counted or estimated)</source>
        <translation>人口（统计或估算）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Reason number</source>
        <translation>原因序号</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residential floor area (m²)</source>
        <translation>住宅建筑面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents estimated</source>
        <translation>估算人口</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents newly within the limit</source>
        <translation>新覆盖居民</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents of communities without a decision</source>
        <translation>数据不足社区常住人口</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents of complete communities</source>
        <translation>完整居住社区常住人口</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents of failing communities</source>
        <translation>不达标社区常住人口</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents within the limit (cumulative)</source>
        <translation>限值内居民（累计）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents within the limit after (%)</source>
        <translation>选址后限值内居民比例（%）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents within the limit before (%)</source>
        <translation>选址前限值内居民比例（%）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents within the limit of {} (%)</source>
        <translation>{}步行范围内居民比例（%）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents' mean walk after (m)</source>
        <translation>选址后居民平均步行距离（米）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Residents' mean walk before (m)</source>
        <translation>选址前居民平均步行距离（米）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Rule</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Rule name</source>
        <translation>条款名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Rule number in the standard</source>
        <translation>条款在标准中的序号</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Share of residents within the limit (cumulative, %)</source>
        <translation>限值内居民比例（累计，%）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Source layer</source>
        <translation>源图层</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Standard</source>
        <translation>评估标准</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Standard (id)</source>
        <translation>评估标准（标识）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Standard content hash (sha256)</source>
        <translation>评估标准内容哈希（sha256）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Standard file</source>
        <translation>评估标准文件</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Standard version</source>
        <translation>评估标准版本</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Status</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Status after</source>
        <translation>选址后状态</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Status before</source>
        <translation>选址前状态</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Street length reached (m)</source>
        <translation>可达街道长度（米）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Suggested sites inside (ranks)</source>
        <translation>社区内的建议选址（序号）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walked from</source>
        <translation>步行起点</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking access score</source>
        <translation>步行可达性得分</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking access score without the planned facilities</source>
        <translation>步行可达性得分（不含规划设施）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking access to {}</source>
        <translation>{}步行可达性</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking access verdict</source>
        <translation>步行可达性结论</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking access verdict without the planned facilities</source>
        <translation>步行可达性结论（不含规划设施）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking distance (m)</source>
        <translation>步行距离（米）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking distance after (m)</source>
        <translation>选址后步行距离（米）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking distance before (m)</source>
        <translation>选址前步行距离（米）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking distance to {} (m)</source>
        <translation>至{}步行距离（米）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking limit (m)</source>
        <translation>步行距离限值（米）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking rules not met</source>
        <translation>步行未达标条款</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking time (min)</source>
        <translation>步行时间（分钟）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking time to {} (min)</source>
        <translation>至{}步行时间（分钟）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking: advisory (建议改进)</source>
        <translation>步行：建议改进</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking: items assessed</source>
        <translation>步行：参评项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking: items evaluated</source>
        <translation>步行：评估范围（项目）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking: items failed</source>
        <translation>步行：不达标项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking: items met</source>
        <translation>步行：达标项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Walking: items without enough data</source>
        <translation>步行：数据不足项目数</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Weakest items</source>
        <translation>最薄弱的建设项目</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>What decided the category</source>
        <translation>类别判定依据</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Where the population comes from</source>
        <translation>人口数据来源</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Why no residents</source>
        <translation>不计人口的原因</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Why not counted</source>
        <translation>未计入原因</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Why not counted (text)</source>
        <translation>未计入原因（文字）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Why the POI is not counted</source>
        <translation>兴趣点未计入的原因</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>Why the formed circle stopped growing</source>
        <translation>自动组合的生活圈停止扩展的原因</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>a label of the standard</source>
        <translation>标准中的名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>a point inside the community</source>
        <translation>社区内一点</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>below the population floor: every community left nearby would take it beyond the service radius</source>
        <translation>人口未达下限：附近剩余的社区加入后都会超出服务半径</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>below the population floor: no community left within the service radius of its centre</source>
        <translation>人口未达下限：中心服务半径内已没有剩余社区</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>below the population floor: the communities left within the radius would take it above the population ceiling</source>
        <translation>人口未达下限：半径内剩余的社区加入后会超过人口上限</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>category not recognised</source>
        <translation>类别无法识别</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>counted (the population field)</source>
        <translation>统计值（人口字段）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>drawn by the planner</source>
        <translation>规划人员绘制</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>estimated from a population grid</source>
        <translation>由人口格网估算</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>estimated from buildings</source>
        <translation>由建筑估算</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>formed from the communities</source>
        <translation>由社区组合形成</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>generated along the network</source>
        <translation>沿路网生成</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>given by the planner</source>
        <translation>规划人员提供</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>inside no community</source>
        <translation>不在任何社区内</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>it reached the population floor</source>
        <translation>已达到人口下限</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>its name says it is not a facility of the guide</source>
        <translation>名称表明不属于指南所列设施</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>its type is in no vocabulary and its name does not say</source>
        <translation>类型不在任何词表中，名称也无法判断</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>its type is not a facility of the guide (e.g. café, residential compound)</source>
        <translation>类型不属于指南所列设施（如咖啡馆、住宅小区）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>its type is too broad and its name does not say which facility it is</source>
        <translation>类型过于宽泛，名称也无法判断是哪类设施</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>no coordinates (no geometry, no location or x/y fields)</source>
        <translation>没有坐标（无几何，也无位置或经纬度字段）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>no floors or height</source>
        <translation>没有层数或高度</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>no footprint area</source>
        <translation>没有基底面积</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>no geometry</source>
        <translation>没有几何</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>no type, and its name does not say</source>
        <translation>没有类型，名称也无法判断</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>no usable geometry</source>
        <translation>无可用几何</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>not a residential building</source>
        <translation>非住宅建筑</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>the community has no usable location</source>
        <translation>该社区没有可用的位置</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>the coordinates are not a longitude/latitude on earth</source>
        <translation>坐标不是有效的经纬度</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>the location text is not 'longitude,latitude'</source>
        <translation>位置文本不是“经度,纬度”格式</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>the residents (population points)</source>
        <translation>居民（人口点）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>the x/y values are not numbers</source>
        <translation>经纬度值不是数字</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>type code</source>
        <translation>类型编码</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>your mapping table</source>
        <translation>您的对照表</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>{}: communities meeting it (%)</source>
        <translation>{}：达标社区比例（%）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>{}: measured</source>
        <translation>{}：实测值</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>{}: residents whose community meets it (%)</source>
        <translation>{}：达标社区人口比例（%）</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>{}: status</source>
        <translation>{}：结果</translation>
    </message>
    <message>
        <location filename="../core/output_fields.py"/>
        <source>{}: status without the planned facilities</source>
        <translation>{}：状态（不含规划设施）</translation>
    </message>
</context>
<context>
    <name>OutputSafety</name>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>Cancelled: no output was written and earlier results are unchanged.</source>
        <translation>已取消：未写出任何结果，先前的结果保持不变。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>Cannot write the output {} ({}): no permission to write in the folder {}.</source>
        <translation>无法写出输出 {}（{}）：没有文件夹 {} 的写入权限。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>Cannot write the output {} ({}): the file exists and is read-only or locked.</source>
        <translation>无法写出输出 {}（{}）：该文件已存在且为只读或被锁定。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>Cannot write the output {} ({}): the folder {} cannot be created, {} is a file.</source>
        <translation>无法写出输出 {}（{}）：无法创建文件夹 {}，{} 是一个文件。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>Could not copy the layer '{}' into {}.</source>
        <translation>无法将图层“{}”复制到 {}。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>PostGIS output {}: {}</source>
        <translation>PostGIS 输出 {}：{}</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>The GeoPackage {} already holds a layer '{}' that this plugin did not write; it is kept. Choose another file for the output, or rename that layer.</source>
        <translation>GeoPackage {} 中已有一个并非本插件写出的图层“{}”，将予以保留。请为输出另选文件，或重命名该图层。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>The GeoPackage {} now holds layers this plugin did not write ({}); nothing was changed there.</source>
        <translation>GeoPackage {} 中现有并非本插件写出的图层（{}），该文件未作任何更改。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>The PostGIS table {} already exists and this plugin did not write it; it is kept. Choose another table for the output, or drop that table yourself.</source>
        <translation>PostGIS 表 {} 已存在且不是本插件写入的，已保留。请为输出另选一个表名，或自行删除该表。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>The output {} ({}) exists but is not a GeoPackage that can be opened ({}): choose another file.</source>
        <translation>输出 {}（{}）已存在，但不是可以打开的 GeoPackage（{}）：请另选文件。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>The output {} ({}) is a folder: give a file name.</source>
        <translation>输出 {}（{}）是一个文件夹：请给出文件名。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>The output {} would overwrite the input {}. Choose another file for the output: an algorithm never changes its inputs.</source>
        <translation>输出 {} 将覆盖输入 {}。请为输出另选文件：算法从不修改其输入。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>The outputs {} and {} are the same file: give each output its own file.</source>
        <translation>输出 {} 与 {} 是同一个文件：请为每个输出指定各自的文件。</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>{} (layer '{}' of {})</source>
        <translation>{}（图层“{}”，位于 {}）</translation>
    </message>
    <message>
        <location filename="../processing/output_safety.py"/>
        <source>{} ({})</source>
        <translation>{}（{}）</translation>
    </message>
</context>
<context>
    <name>PlannedFacilities</name>
    <message>
        <location filename="../processing/planned_facilities.py"/>
        <source>Category field of the planned facilities (empty: the facilities' category field, or the category field suggest_sites writes)</source>
        <translation>规划设施的类别字段（为空时：采用设施图层的类别字段，或补短板选址输出的类别字段）</translation>
    </message>
    <message>
        <location filename="../processing/planned_facilities.py"/>
        <source>Planned facilities (points or polygons), evaluated with the existing ones</source>
        <translation>规划设施（点或面），与现有设施一起评估</translation>
    </message>
    <message>
        <location filename="../processing/planned_facilities.py"/>
        <source>Planned facilities from {}: {} recognised, evaluated with the existing ones and marked as planned.</source>
        <translation>规划设施来自 {}：识别出 {} 处，已与现有设施一起评估并标记为规划设施。</translation>
    </message>
    <message>
        <location filename="../processing/planned_facilities.py"/>
        <source>Planned facilities were given without a category field: choose the field of {} that holds the facility type.</source>
        <translation>给出了规划设施但没有类别字段：请选择 {} 中表示设施类型的字段。</translation>
    </message>
    <message>
        <location filename="../processing/planned_facilities.py"/>
        <source>The facility layer {} has no field '{}' (for {}).</source>
        <translation>设施图层 {} 没有字段“{}”（用于 {}）。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>(in no community)</source>
        <translation>（不在任何社区内）</translation>
    </message>
    <message>
        <location filename="../report/html_report.py"/>
        <source>(no area)</source>
        <translation>（无所属区域）</translation>
    </message>
    <message>
        <location filename="../report/templates/life_circles.html"/>
        <source>15-minute life circles</source>
        <translation>十五分钟生活圈</translation>
    </message>
    <message>
        <location filename="../report/templates/communities.html"/>
        <source>Advisory (建议改进)</source>
        <translation>建议改进</translation>
    </message>
    <message>
        <location filename="../report/html_report.py"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>By area ({})</source>
        <translation>按区域（{}）</translation>
    </message>
    <message>
        <location filename="../report/templates/details.html"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../report/templates/communities.html"/>
        <location filename="../report/templates/life_circles.html"/>
        <location filename="../report/templates/summary.html"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Communities before → after</source>
        <translation>各社区：新增前 → 新增后</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Communities failing it: before → after</source>
        <translation>不达标社区数：新增前 → 新增后</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Communities that fail it</source>
        <translation>不达标的社区数</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Communities whose item becomes met</source>
        <translation>由此达标的社区</translation>
    </message>
    <message>
        <location filename="../report/templates/communities.html"/>
        <location filename="../report/templates/scheme.html"/>
        <location filename="../report/templates/walking.html"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Complete</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Complete-community rate (communities)</source>
        <translation>完整社区达标率（按社区数）</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Complete-community rate (residents)</source>
        <translation>完整社区达标率（按人口）</translation>
    </message>
    <message>
        <location filename="../report/templates/map.html"/>
        <source>Compliance map</source>
        <translation>达标情况图</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Data problems found</source>
        <translation>发现的数据问题</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Data sources and standard</source>
        <translation>数据来源与评估标准</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../report/html_report.py"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../report/templates/details.html"/>
        <source>Each community, item by item</source>
        <translation>各社区逐项评估</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Every community is evaluated twice with the same data: without the planned facilities (before) and with them (after), as if they were built; the GeoPackage holds both (the fields ending in _before).</source>
        <translation>每个社区用同一套数据评估两次：不含规划设施（新增前）和假设规划设施建成（新增后）；两种结果都保存在 GeoPackage 中（以 _before 结尾的字段为新增前）。</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Facility kind</source>
        <translation>设施类别</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Failing</source>
        <translation>不达标</translation>
    </message>
    <message>
        <location filename="../report/templates/inputs.html"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>For {} communities the data cannot decide; they are not counted as failing.</source>
        <translation>另有 {} 个社区因数据不足无法判定，未计为不达标。</translation>
    </message>
    <message>
        <source>Inputs and standard</source>
        <translation type="obsolete">输入数据与标准</translation>
    </message>
    <message>
        <location filename="../report/templates/details.html"/>
        <location filename="../report/templates/scheme.html"/>
        <location filename="../report/templates/summary.html"/>
        <source>Item</source>
        <translation>建设项目</translation>
    </message>
    <message>
        <location filename="../report/templates/communities.html"/>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Items before → after</source>
        <translation>各项目：新增前 → 新增后</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Items that change</source>
        <translation>发生变化的项目</translation>
    </message>
    <message>
        <location filename="../report/templates/life_circles.html"/>
        <source>Life circle</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Making up the shortfalls (补短板): the planned facilities</source>
        <translation>补短板：规划新增设施</translation>
    </message>
    <message>
        <location filename="../report/templates/map.html"/>
        <source>Map</source>
        <translation>评估图</translation>
    </message>
    <message>
        <location filename="../report/templates/walking.html"/>
        <source>Method: {}</source>
        <translation>计算方法：{}</translation>
    </message>
    <message>
        <location filename="../report/templates/communities.html"/>
        <location filename="../report/templates/life_circles.html"/>
        <source>Missing items</source>
        <translation>缺失项目</translation>
    </message>
    <message>
        <source>Most frequently missing items</source>
        <translation type="obsolete">最常缺失的建设项目</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>No community's verdict changes.</source>
        <translation>没有社区的评估结果发生变化。</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>No data</source>
        <translation>数据不足</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>No required item fails in any community.</source>
        <translation>所有社区的强制性建设项目均达标。</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../report/templates/life_circles.html"/>
        <source>Not evaluated.</source>
        <translation>未评估。</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Planned sites</source>
        <translation>规划设施点位</translation>
    </message>
    <message>
        <location filename="../report/templates/communities.html"/>
        <location filename="../report/templates/life_circles.html"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Prepared by: {}</source>
        <translation>编制单位：{}</translation>
    </message>
    <message>
        <location filename="../report/templates/life_circles.html"/>
        <source>Radius (m)</source>
        <translation>半径（米）</translation>
    </message>
    <message>
        <location filename="../report/templates/details.html"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Recommended action (the guide)</source>
        <translation>建议措施（指南）</translation>
    </message>
    <message>
        <location filename="../report/templates/details.html"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Residents</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Residents affected</source>
        <translation>涉及人口</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Residents newly within the limit</source>
        <translation>新覆盖居民</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Residents within the limit (cumulative)</source>
        <translation>限值内居民（累计）</translation>
    </message>
    <message>
        <location filename="../report/templates/communities.html"/>
        <location filename="../report/templates/life_circles.html"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../report/templates/report.html"/>
        <source>Score = 100 × items met ÷ (items met + items failed). An item is met when all its applicable required rules (应/须/要) are met; items without enough data are counted apart and never as failures. Recommended and conditional rules (宜/可/具备条件的) that are not met are shown as advisory (建议改进), in amber, and never change the score.</source>
        <translation>得分 = 100 × 达标项目数 ÷（达标项目数 + 不达标项目数）。一个项目的适用必备规则（应/须/要）全部达标即为达标；数据不足的项目单独计数，从不算作不达标。未满足的推荐项和条件项（宜/可/具备条件的）显示为建议改进（琥珀色），从不影响得分。</translation>
    </message>
    <message>
        <location filename="../report/templates/score_chart.html"/>
        <location filename="../report/templates/summary.html"/>
        <source>Score distribution</source>
        <translation>得分分布</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Score: before → after</source>
        <translation>得分：新增前 → 新增后</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Share of residents within the limit (cumulative)</source>
        <translation>限值内居民比例（累计）</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Shortfalls to make up, by residents affected</source>
        <translation>补短板清单（按涉及人口排序）</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../report/html_report.py"/>
        <source>Standard: {} — id {}, version {}, content hash (sha256) {}</source>
        <translation>标准：{}——标识 {}，版本 {}，内容哈希（sha256）{}</translation>
    </message>
    <message>
        <location filename="../report/templates/communities.html"/>
        <location filename="../report/templates/details.html"/>
        <location filename="../report/templates/life_circles.html"/>
        <source>Status</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../report/html_report.py"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="obsolete">概况</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>The planned facilities change no item's verdict.</source>
        <translation>规划设施未改变任何项目的评估结果。</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>The shortfall affecting most residents: {item} ({communities} communities, {residents} residents).</source>
        <translation>涉及人口最多的短板：{item}（{communities} 个社区，{residents} 人）。</translation>
    </message>
    <message>
        <location filename="../report/templates/walking.html"/>
        <source>The walking distance of each community to each kind of facility is in the workbook and the GeoPackage (communities, walking_routes).</source>
        <translation>各社区到各类设施的步行距离见 Excel 工作簿和 GeoPackage（communities、walking_routes 图层）。</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Their residents: before → after</source>
        <translation>涉及居民：新增前 → 新增后</translation>
    </message>
    <message>
        <location filename="../report/html_report.py"/>
        <source>Town</source>
        <translation>镇</translation>
    </message>
    <message>
        <location filename="../report/templates/communities.html"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>Verdict: before → after</source>
        <translation>结论：新增前 → 新增后</translation>
    </message>
    <message>
        <location filename="../report/templates/walking.html"/>
        <source>Walking distances</source>
        <translation>步行距离</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>Weakest items</source>
        <translation>最薄弱的建设项目</translation>
    </message>
    <message>
        <location filename="../report/html_report.py"/>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>With the {sites} planned facilities of {source}, {after} of {total} communities comply (without them: {before}); communities with a changed result: {changed}.</source>
        <translation>加上 {source} 中的 {sites} 处规划设施后，{total} 个社区中有 {after} 个达标（不含规划设施时：{before} 个）；评估结果发生变化的社区：{changed} 个。</translation>
    </message>
    <message>
        <location filename="../report/html_report.py"/>
        <source>along the road network</source>
        <translation>沿道路网络测量</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>communities assessed</source>
        <translation>个社区参与评估</translation>
    </message>
    <message>
        <location filename="../report/templates/walking.html"/>
        <source>reported only</source>
        <translation>仅报告</translation>
    </message>
    <message>
        <location filename="../report/html_report.py"/>
        <source>straight line × detour factor {}</source>
        <translation>直线距离 × 绕行系数 {}</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>with advice (建议改进)</source>
        <translation>有建议改进项</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>{complete} of {total} communities are complete communities ({rate}); {residents_complete} of {residents} residents live in them ({residents_rate}).</source>
        <translation>{total} 个社区中有 {complete} 个达到完整居住社区标准（{rate}），覆盖常住人口 {residents_complete} 人，占 {residents} 人的 {residents_rate}。</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>{} communities fail at least one required item.</source>
        <translation>{} 个社区至少有一项强制性要求不达标。</translation>
    </message>
    <message>
        <location filename="../report/templates/summary.html"/>
        <source>{} communities have no resident population.</source>
        <translation>{} 个社区缺少常住人口数据。</translation>
    </message>
    <message>
        <location filename="../report/templates/details.html"/>
        <source>{} communities: the item-by-item results of each community are in the workbook (community × item and per-rule sheets), the atlas and the GeoPackage's community_rules table.</source>
        <translation>共 {} 个社区：各社区的逐项结果见 Excel 工作簿（社区×项目表和逐条规则表）、社区图集以及 GeoPackage 的 community_rules 表。</translation>
    </message>
    <message>
        <location filename="../report/templates/scheme.html"/>
        <source>{}:</source>
        <translation>{}：</translation>
    </message>
</context>
<context>
    <name>ResultsFolder</name>
    <message>
        <location filename="../processing/desktop_defaults.py"/>
        <source>Complete Community results</source>
        <translation>完整居住社区评估结果</translation>
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
        <source>Complies</source>
        <translation type="obsolete">达标</translation>
    </message>
    <message>
        <source>Does not comply</source>
        <translation type="obsolete">不达标</translation>
    </message>
    <message>
        <source>Insufficient data</source>
        <translation type="obsolete">数据不足</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation type="obsolete">不适用</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>Walk to the farthest of the kinds listed ({})</source>
        <translation>步行到所列各类设施中最远的一类（{}）</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>Walk to the nearest {}</source>
        <translation>步行至最近的{}</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>above the guide's range</source>
        <translation>超出指南给出的范围（上限为规模指引，不判为不达标）</translation>
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
        <source>not reachable on the walking network</source>
        <translation>步行网络上不可达</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>only for {}</source>
        <translation>仅适用于{}</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>the community has no usable boundary: nothing inside it can be counted or measured</source>
        <translation>社区没有可用的边界：其内部无法计数或量测</translation>
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
        <source>{} items met / {} failed / {} without enough data</source>
        <translation>达标 {} 项 / 不达标 {} 项 / 数据不足 {} 项</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>{} more without {}</source>
        <translation>另有 {} 个设施缺少{}数据</translation>
    </message>
    <message>
        <location filename="../core/engine.py"/>
        <source>{} not recorded; accepted for {}</source>
        <translation>未记录{}；按{}接受</translation>
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
        <source>{}: not reachable on the walking network</source>
        <translation type="obsolete">{}：在步行网络上无法到达</translation>
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
        <source>reported only</source>
        <translation>仅报告</translation>
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
        <source>{} ({}): {}</source>
        <translation>{}（{}）：{}</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>{} × {}</source>
        <translation>{} × {}</translation>
    </message>
    <message>
        <location filename="../core/describe.py"/>
        <source>{}: {} ({}, {})</source>
        <translation>{}：{}（{}，{}）</translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <location filename="../processing/rules_view.py"/>
        <source>Could not create the view {} in {}: {}</source>
        <translation>无法创建视图 {}（文件 {}）：{}</translation>
    </message>
    <message>
        <location filename="../processing/rules_view.py"/>
        <source>Could not write the table {} into {}: {}</source>
        <translation>无法将表 {} 写入 {}：{}</translation>
    </message>
</context>
<context>
    <name>Scorecard</name>
    <message>
        <location filename="../ui/scorecard.py"/>
        <source>nearest one {} away</source>
        <translation>最近一处相距 {}</translation>
    </message>
    <message>
        <location filename="../ui/scorecard.py"/>
        <source>nearest one {} away (limit {})</source>
        <translation>最近一处相距 {}（限值 {}）</translation>
    </message>
    <message>
        <location filename="../ui/scorecard.py"/>
        <source>no reachable facility found</source>
        <translation>步行范围内找不到可到达的设施</translation>
    </message>
</context>
<context>
    <name>ScorecardDock</name>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Advisory (建议改进): {}</source>
        <translation>建议改进：{}</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Click a community on the map to show its scorecard</source>
        <translation>在地图上点击一个社区，显示其评估卡</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Click “Pick a community” above, then a community on the map — or select one with QGIS's Select tool or in the attribute table of an assessed layer.</source>
        <translation>先点击上方的“选择社区”，再在地图上点击一个社区；也可以用 QGIS 的选择工具或在评估结果图层的属性表中选中社区。</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Community scorecard</source>
        <translation>社区评估卡</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Facility gaps</source>
        <translation>设施缺口</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Id {} · layer {}</source>
        <translation>编号 {} · 图层 {}</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Item / rule</source>
        <translation>项目 / 规则</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Items of the standard</source>
        <translation>标准各项</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Measured / required</source>
        <translation>实测 / 要求</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Missing: {}</source>
        <translation>缺项：{}</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Nearest facilities on foot</source>
        <translation>步行可达的最近设施</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Nearest facility</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>No assessed community there. Click inside a community of a layer the assessment wrote.</source>
        <translation>该处没有已评估的社区。请点击评估结果图层中的某个社区内部。</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>None: every facility the standard requires is there and within walking distance.</source>
        <translation>无：标准要求的设施均已配置，且在步行范围内。</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Pick a community</source>
        <translation>选择社区</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Reason</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Scorecard</source>
        <translation>评估卡</translation>
    </message>
    <message>
        <source>Select a community on the map or in a result layer of the assessment to see its scorecard.</source>
        <translation type="obsolete">在地图上或评估结果图层中选择一个社区，即可查看它的评估卡。</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Walking distance</source>
        <translation>步行距离</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Walking time</source>
        <translation>步行时间</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>What if</source>
        <translation>假设新增设施</translation>
    </message>
    <message>
        <source>What if (假设新增设施)</source>
        <translation type="obsolete">假设新增设施</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>Zoom to gap: {}</source>
        <translation>缩放至缺口：{}</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>clause {}</source>
        <translation>条款 {}</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>limit {}</source>
        <translation>限值 {}</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>points</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>standard {} {} ({})</source>
        <translation>标准 {} {}（{}）</translation>
    </message>
    <message>
        <location filename="../ui/scorecard_dock.py"/>
        <source>{} selected, the first shown</source>
        <translation>已选 {} 个，显示第一个</translation>
    </message>
</context>
<context>
    <name>ServiceAreasAlgorithm</name>
    <message>
        <source>&lt;b&gt;Example&lt;/b&gt;: a kindergarten at a crossing of two long streets reaches 500 m along each of the four arms: its area is a cross of streets 1 km long and, with a frontage of 30 m, 60 m wide — not a 500 m circle.</source>
        <translation type="obsolete">&lt;b&gt;示例&lt;/b&gt;：位于两条长街交叉口的幼儿园，沿四个方向各可步行 500 米：其服务范围是长 1 千米的十字形街道，按 30 米服务进深宽 60 米——而不是半径 500 米的圆。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>&lt;b&gt;Example&lt;/b&gt;: a kindergarten at a crossing of two long streets reaches {limit} m along each of the four arms: its area is a cross of streets {length} m long and, with a frontage of {frontage} m, {width} m wide — not a {limit} m circle.</source>
        <translation>&lt;b&gt;示例&lt;/b&gt;：位于两条长街交叉口的幼儿园，沿四个方向各可步行 {limit} 米：其服务范围是长 {length} 米的十字形街道，按 {frontage} 米服务进深宽 {width} 米——而不是半径 {limit} 米的圆。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Only around the communities that do not meet a category's limit&lt;/b&gt; (optional): an assessed communities layer (assess's communities); each category's streets are then drawn only around the communities whose walking access to it is not met, the lines unchanged; the length served stays the whole. assess does this by default: a city's whole street network drawn once per category is most of its GeoPackage.</source>
        <translation type="obsolete">&lt;b&gt;仅在未达到该类设施步行距离要求的社区周边&lt;/b&gt;（可选）：已评估的社区图层（assess 输出的 communities）；此时每类设施的服务街道只绘制在该类步行可达性未达标的社区周边，线条本身不变；服务街道长度仍为全部长度。assess 默认如此：一座城市的整个街道网络按每类设施各画一遍，会占去成果 GeoPackage 的大部分。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>&lt;b&gt;Only around the communities that lack the category&lt;/b&gt; (optional): an assessed communities layer (assess's communities); each category's streets are then drawn only around the communities whose walking access to it is not met or whose item of it failed (the gaps the scorecard zooms to), the lines unchanged; the length served stays the whole. assess does this by default: a city's whole street network drawn once per category is most of its GeoPackage.</source>
        <translation>&lt;b&gt;仅在缺少该类设施的社区周边&lt;/b&gt;（可选）：已评估的社区图层（assess 输出的 communities）；此时每类设施的服务街道只绘制在该类步行可达性未达标、或该类所属指标项不达标的社区周边（即社区评估卡“缩放至缺口”所指之处），线条本身不变；服务街道长度仍为全部长度。assess 默认如此：一座城市的整个街道网络按每类设施各画一遍，会占去成果 GeoPackage 的大部分。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Areas and distances are measured in {} ({}).</source>
        <translation>面积和距离在 {}（{}）中量算。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Categories: '{}' is not a facility category with a walking limit in the standard. Known: {}</source>
        <translation>设施类别：“{}”不是标准中规定了步行距离的设施类别。可选：{}</translation>
    </message>
    <message>
        <source>Draws, for every facility whose category the standard gives a walking limit (kindergarten, nursery, elderly station, health station, supermarket and convenience store, activity ground and court, service station: 500 m; bus stop: a 10-minute walk; the life-circle facilities: 1,000 m), the area its residents can walk from: the streets reachable within the limit along the road network, widened by the frontage distance on both sides. The shapes follow the streets, not circles, so a river, a motorway or a walled estate shows as a gap.&lt;br&gt;&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt;: points or polygons with a category field (names as in the provision evaluation). &lt;b&gt;Road network&lt;/b&gt;: lines; a yes/no field leaves out roads that are not walkable; a speed field (m/min) makes slow paths count as longer. Facilities farther than the maximum snapping distance from the network are listed with an empty area and a note.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one polygon per facility with its category, the limit and the rule it comes from, the length of street reached and the area; styled by category.</source>
        <translation type="obsolete">为标准规定了步行距离的每个设施（幼儿园、托儿所、老年服务站、社区卫生服务站、综合超市和便利店、公共活动场地和运动场地、社区综合服务站：500 米；公交站点：步行 10 分钟；十五分钟生活圈设施：1000 米）绘制居民可步行到达的范围：沿路网在限值内可到达的道路，向两侧扩展服务进深。范围沿道路延伸而不是画圆，因此河流、高速公路或封闭小区会显示为缺口。&lt;br&gt;&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;：带类别字段的点或面（名称识别同配套设施评估）。&lt;b&gt;路网&lt;/b&gt;：线图层；可用“是/否”字段排除不可步行的道路；可用速度字段（米/分钟）使慢行路段按更长距离计。距路网超过最大吸附距离的设施会列出，但服务范围为空并附说明。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个设施一个面，含类别、限值及其所依据的规则、可到达道路长度和面积；按类别着色。</translation>
    </message>
    <message>
        <source>Draws, for every facility whose category the standard gives a walking limit (kindergarten, nursery, elderly station, health station, supermarket and convenience store, activity ground and court, service station: 500 m; bus stop: a 10-minute walk; the life-circle facilities: 1,000 m), the area its residents can walk from: the streets reachable within the limit along the road network, widened by the frontage distance on both sides. The shapes follow the streets, not circles, so a river, a motorway or a walled estate shows as a gap.&lt;br&gt;&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt;: points or polygons with a category field (names as in the provision evaluation). &lt;b&gt;Road network&lt;/b&gt;: lines; a yes/no field leaves out roads that are not walkable; a speed field (m/min) makes slow paths count as longer. Facilities farther than the maximum snapping distance from the network are listed with an empty area and a note.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Shape&lt;/b&gt;: &lt;i&gt;polygons&lt;/i&gt; — per facility, the streets it reaches widened by the frontage (square ends where the walk stops, so no street beyond the limit is covered; facilities' areas overlap; slow for a whole city: a GEOS buffer per facility); &lt;i&gt;streets&lt;/i&gt; — the streets within the limit of the category's nearest facility, each piece drawn once with the facility it is nearest to (one search per category: seconds for a city; drawn as wide lines, gaps are streets no facility reaches). &lt;b&gt;Categories&lt;/b&gt;: category codes separated by commas, empty for all.&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one feature per facility with its category, the limit and the rule it comes from, the length of street reached (or served, for streets) and the area (polygons); styled by category.</source>
        <translation type="obsolete">为标准规定了步行距离的每个设施（幼儿园、托儿所、老年服务站、社区卫生服务站、综合超市和便利店、公共活动场地和运动场地、社区综合服务站：500 米；公交站点：步行 10 分钟；十五分钟生活圈设施：1000 米）绘制居民可步行到达的范围：沿路网在限值内可到达的道路，向两侧扩展服务进深。范围沿道路延伸而不是画圆，因此河流、高速公路或封闭小区会显示为缺口。&lt;br&gt;&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;：带类别字段的点或面（名称识别同配套设施评估）。&lt;b&gt;路网&lt;/b&gt;：线图层；可用“是/否”字段排除不可步行的道路；可用速度字段（米/分钟）使慢行路段按更长距离计。距路网超过最大吸附距离的设施会列出，但服务范围为空并附说明。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;形式&lt;/b&gt;：&lt;i&gt;面&lt;/i&gt;——每个设施可到达的道路向两侧扩展服务进深（步行终止处为平头，限值以外的道路不会被覆盖；各设施的范围相互重叠；全市范围较慢：每个设施一次 GEOS 缓冲）；&lt;i&gt;道路&lt;/i&gt;——距本类别最近设施在限值内的道路，每段只绘制一次并归属最近的设施（每个类别一次搜索：全市只需数秒；以宽线显示，缺口即没有设施可到达的道路）。&lt;b&gt;类别&lt;/b&gt;：类别代码，逗号分隔，留空为全部。&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个设施一个要素，含类别、限值及其所依据的规则、可到达（道路形式下为所服务的）道路长度和面积（面形式）；按类别着色。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Draws, for every facility whose category the standard gives a walking limit (the limits are listed below), the area its residents can walk from: the streets reachable within the limit along the road network, widened by the frontage distance on both sides. The shapes follow the streets, not circles, so a river, a motorway or a walled estate shows as a gap.&lt;br&gt;&lt;br&gt;&lt;b&gt;Facilities&lt;/b&gt;: points or polygons with a category field (names as in the provision evaluation). &lt;b&gt;Road network&lt;/b&gt;: lines; a yes/no field leaves out roads that are not walkable; a speed field (m/min) makes slow paths count as longer. Facilities farther than the maximum snapping distance from the network are listed with an empty area and a note.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Shape&lt;/b&gt;: &lt;i&gt;polygons&lt;/i&gt; — per facility, the streets it reaches widened by the frontage (square ends where the walk stops, so no street beyond the limit is covered; facilities' areas overlap; slow for a whole city: a GEOS buffer per facility); &lt;i&gt;streets&lt;/i&gt; — the streets within the limit of the category's nearest facility, each piece drawn once with the facility it is nearest to (one search per category: seconds for a city; drawn as wide lines, gaps are streets no facility reaches). &lt;b&gt;Categories&lt;/b&gt;: category codes separated by commas, empty for all.&lt;br&gt;&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one feature per facility with its category, the limit and the rule it comes from, the length of street reached (or served, for streets) and the area (polygons); styled by category.</source>
        <translation>为标准规定了步行距离的每个设施（限值见下方列表）绘制居民可步行到达的范围：沿路网在限值内可到达的道路，向两侧扩展服务进深。范围沿道路延伸而不是画圆，因此河流、高速公路或封闭小区会显示为缺口。&lt;br&gt;&lt;br&gt;&lt;b&gt;设施&lt;/b&gt;：带类别字段的点或面（名称识别同配套设施评估）。&lt;b&gt;路网&lt;/b&gt;：线图层；可用“是/否”字段排除不可步行的道路；可用速度字段（米/分钟）使慢行路段按更长距离计。距路网超过最大吸附距离的设施会列出，但服务范围为空并附说明。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;形式&lt;/b&gt;：&lt;i&gt;面&lt;/i&gt;——每个设施可到达的道路向两侧扩展服务进深（步行终止处为平头，限值以外的道路不会被覆盖；各设施的范围相互重叠；全市范围较慢：每个设施一次 GEOS 缓冲）；&lt;i&gt;道路&lt;/i&gt;——距本类别最近设施在限值内的道路，每段只绘制一次并归属最近的设施（每个类别一次搜索：全市只需数秒；以宽线显示，缺口即没有设施可到达的道路）。&lt;b&gt;类别&lt;/b&gt;：类别代码，逗号分隔，留空为全部。&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个设施一个要素，含类别、限值及其所依据的规则、可到达（道路形式下为所服务的）道路长度和面积（面形式）；按类别着色。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Facilities (points or polygons)</source>
        <translation>设施（点或面）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Facility category field</source>
        <translation>设施类别字段</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Facility service areas</source>
        <translation>设施服务范围</translation>
    </message>
    <message>
        <source>Facility service areas (设施服务范围)</source>
        <translation type="obsolete">设施服务范围（Facility service areas）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Frontage served on each side of a street (m)</source>
        <translation>道路两侧服务进深（米）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Maximum distance from a facility to the network (m)</source>
        <translation>设施到路网的最大吸附距离（米）</translation>
    </message>
    <message>
        <source>Only around the communities that do not meet a category's limit (assessed communities; empty: everywhere)</source>
        <translation type="obsolete">仅在未达到该类设施步行距离要求的社区周边绘制（已评估的社区图层；留空：全部范围）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Only around the communities that lack the category (assessed communities; empty: everywhere)</source>
        <translation>仅在缺少该类设施的社区周边绘制（已评估的社区图层；留空：全部范围）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Only around the communities that lack the category: the layer {} has none of the status fields of {} ({}); their service areas are drawn everywhere. Give assess's communities layer.</source>
        <translation>仅在缺少该类设施的社区周边绘制：图层 {} 没有 {} 的任何状态字段（{}），这些类别的服务范围将在全部范围绘制。请使用 assess 输出的社区图层。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Only around the communities that lack the category: {} — a community whose box cannot be transformed to {} is left out (its gaps are not drawn)</source>
        <translation>仅在缺少该类设施的社区周边绘制：{} — 外包框无法转换到 {} 的社区被略过（其短板周边不绘制）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Only around the communities that lack the category: {} — a community without a geometry is left out (its gaps are not drawn)</source>
        <translation>仅在缺少该类设施的社区周边绘制：{} — 没有几何图形的社区被略过（其短板周边不绘制）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Only these facility categories (codes, comma separated; empty: all)</source>
        <translation>仅这些设施类别（类别代码，逗号分隔；留空为全部）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Polygons: each facility's streets widened by the frontage (slow for a city)</source>
        <translation>面：每个设施可到达的道路向两侧扩展服务进深（全市范围较慢）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Road network (lines)</source>
        <translation>路网（线）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <source>Service areas drawn around the communities that do not meet the limit of their category: {}.</source>
        <translation type="obsolete">服务范围仅绘制在未达到该类设施步行距离要求的社区周边：{}。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Service areas drawn only around the communities that lack their category: {}.</source>
        <translation>服务范围仅绘制在缺少该类设施的社区周边：{}。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Shape of the service areas</source>
        <translation>服务范围的形式</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Streets: each street piece with its nearest facility within the limit (fast)</source>
        <translation>道路：限值内的每段道路及其最近的设施（快速）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>The facility layer {} has no field '{}'.</source>
        <translation>设施图层 {} 没有字段“{}”。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>The road network {} has no walkable line.</source>
        <translation>路网 {} 中没有可步行的道路。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Walkable field (yes/no; no = left out, e.g. motorways)</source>
        <translation>可步行字段（是/否；否 = 排除，如高速公路）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>Walking speed field of the roads (m/min)</source>
        <translation>道路步行速度字段（米/分钟）</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>every street it reaches is nearer to another facility of its category</source>
        <translation>它可到达的道路都离同类别的另一设施更近</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>farther than {:g} m from the road network</source>
        <translation>距路网超过 {:g} 米</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>its walk to the network already exceeds the limit</source>
        <translation>到路网的步行距离已超过限值</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>not drawn: its streets lie only around communities that lack nothing of its category</source>
        <translation>未绘制：其服务街道仅位于不缺少该类设施的社区周边</translation>
    </message>
    <message>
        <source>not drawn: its streets lie only around communities that meet the limit</source>
        <translation type="obsolete">未绘制：其服务街道仅位于已达到步行距离要求的社区周边</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>{} facilities lie farther than {:g} m from the road network: listed without an area.</source>
        <translation>{} 个设施距路网超过 {:g} 米：列出但没有服务范围。</translation>
    </message>
    <message>
        <source>{} facilities of categories without a walking limit are not drawn.</source>
        <translation type="obsolete">{} 个设施所属类别没有步行距离要求，未绘制。</translation>
    </message>
    <message>
        <location filename="../processing/service_areas.py"/>
        <source>{} facilities of categories without a walking limit, or not chosen, are not drawn.</source>
        <translation>{} 个设施的类别没有步行距离限值或未被选择，不绘制。</translation>
    </message>
</context>
<context>
    <name>Siting</name>
    <message>
        <location filename="../core/siting.py"/>
        <source>{} {:g} m² is less than the {:g} m² required ({})</source>
        <translation>{} {:g} m²，小于要求的 {:g} m²（{}）</translation>
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
        <source>the file expands to more than {} values through its aliases (*name); a standard needs far fewer</source>
        <translation>该文件通过别名（*name）展开后超过 {} 个值；一个标准远不需要这么多</translation>
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
        <source>a walking_distance measure names either categories or each_of (one list of categories per kind)</source>
        <translation type="obsolete">walking_distance 度量应给出 categories 或 each_of（每类设施一个类别列表）之一</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>a {} measure names exactly one of: {}</source>
        <translation>{} 度量须且只能给出以下之一：{}</translation>
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
        <location filename="../standards/vocabulary.py"/>
        <source>must be a category code, a list of codes, 'out_of_scope', 'generic' or {{generic: code}}, not '{}'</source>
        <translation>必须是类别代码、代码列表、'out_of_scope'、'generic' 或 {{generic: code}}，而不是 '{}'</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a finite number, not {}</source>
        <translation>必须是有限数值，而不是 {}</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <location filename="../standards/vocabulary.py"/>
        <source>must be a list of field names</source>
        <translation>必须是字段名列表</translation>
    </message>
    <message>
        <location filename="../standards/vocabulary.py"/>
        <source>must be a list of field-name lists, e.g. [[location, typecode]]</source>
        <translation>必须是字段名列表的列表，例如 [[location, typecode]]</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>must be a list of kinds, each a list of facility categories</source>
        <translation>必须是设施种类的列表，每种是一个设施类别列表</translation>
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
        <source>must not be negative ({})</source>
        <translation>不得为负数（{}）</translation>
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
        <location filename="../standards/vocabulary.py"/>
        <source>no {}.yaml (the name keywords) in this folder</source>
        <translation>此文件夹中没有 {}.yaml（名称关键词）</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <location filename="../standards/vocabulary.py"/>
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
        <source>the rule has no max</source>
        <translation>该规则没有 max</translation>
    </message>
    <message>
        <location filename="../standards/vocabulary.py"/>
        <source>unknown category code '{}'; the standard's codes are: {}</source>
        <translation>未知的类别代码 '{}'；本标准的类别代码有：{}</translation>
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
        <location filename="../standards/vocabulary.py"/>
        <source>written twice (as '{}' and '{}'); matching ignores case, spaces and full-width forms</source>
        <translation>重复书写（'{}' 与 '{}'）；匹配时忽略大小写、空格和全角字符</translation>
    </message>
    <message>
        <location filename="../standards/schema.py"/>
        <source>yes/no</source>
        <translation>是/否</translation>
    </message>
</context>
<context>
    <name>StandardWidget</name>
    <message>
        <location filename="../ui/standard_widget.py"/>
        <source> [optional]</source>
        <translation> [可选]</translation>
    </message>
    <message>
        <location filename="../ui/standard_widget.py"/>
        <source>A built-in standard, or your city's standard as a YAML file</source>
        <translation>内置标准，或本市标准的 YAML 文件</translation>
    </message>
    <message>
        <location filename="../ui/standard_widget.py"/>
        <source>Choose a standard</source>
        <translation>选择标准文件</translation>
    </message>
    <message>
        <location filename="../ui/standard_widget.py"/>
        <source>From file…</source>
        <translation>从文件选择…</translation>
    </message>
    <message>
        <location filename="../ui/standard_widget.py"/>
        <source>YAML standards (*.yaml *.yml);;All files (*)</source>
        <translation>YAML 标准文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../core/status.py"/>
        <source>Advisory</source>
        <translation>建议改进</translation>
    </message>
    <message>
        <location filename="../core/status.py"/>
        <source>Complies</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../core/status.py"/>
        <source>Does not comply</source>
        <translation>不达标</translation>
    </message>
    <message>
        <location filename="../core/status.py"/>
        <source>For information</source>
        <translation>仅供参考</translation>
    </message>
    <message>
        <location filename="../core/status.py"/>
        <source>Insufficient data</source>
        <translation>数据不足</translation>
    </message>
    <message>
        <location filename="../core/status.py"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>Styles</name>
    <message>
        <location filename="../report/map_layout.py"/>
        <location filename="../styles/compliance.py"/>
        <source> pts</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Category not recognised</source>
        <translation type="obsolete">类别无法识别</translation>
    </message>
    <message>
        <location filename="../styles/__init__.py"/>
        <source>Complete Community style</source>
        <translation>完整居住社区样式</translation>
    </message>
    <message>
        <location filename="../styles/__init__.py"/>
        <source>Could not record the standard in the metadata of {}: {}</source>
        <translation>无法在 {} 的元数据中记录所用标准：{}</translation>
    </message>
    <message>
        <location filename="../styles/__init__.py"/>
        <source>Could not save the default style of {}: {}</source>
        <translation>无法保存 {} 的默认样式：{}</translation>
    </message>
    <message>
        <source>Inside no community</source>
        <translation type="obsolete">不在任何社区内</translation>
    </message>
    <message>
        <source>No usable geometry</source>
        <translation type="obsolete">无可用几何</translation>
    </message>
    <message>
        <location filename="../styles/__init__.py"/>
        <source>Produced by the Complete Community plugin with the standard {} ({}, version {}, sha256 {}).</source>
        <translation>由完整居住社区插件按标准 {}（{}，版本 {}，sha256 {}）生成。</translation>
    </message>
    <message>
        <location filename="../styles/__init__.py"/>
        <source>Unrecognised category</source>
        <translation>未识别类别</translation>
    </message>
    <message>
        <location filename="../styles/__init__.py"/>
        <source>cannot open {}</source>
        <translation>无法打开 {}</translation>
    </message>
</context>
<context>
    <name>SuggestSitesAlgorithm</name>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>'{}' is not a facility category of the standard; use one of: {}</source>
        <translation>“{}”不是标准中的设施类别；请使用以下之一：{}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Example&lt;/b&gt;: with CATEGORY=kindergarten, MAX_SITES=3 and the vacant plots of a district as candidates, the output lists three plots in order; the first might bring 2,300 residents within 500 m and raise covered_share_pct from 61 to 72.</source>
        <translation type="obsolete">&lt;b&gt;示例&lt;/b&gt;：CATEGORY=kindergarten、MAX_SITES=3，以街区的空置地块为候选，输出按顺序列出三处地块；第一处可能使2300名居民进入500 m步行范围，covered_share_pct 由61提高到72。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>&lt;b&gt;Example&lt;/b&gt;: with CATEGORY=kindergarten, MAX_SITES=3 and the vacant plots of a district as candidates, the output lists three plots in order; the first might bring 2,300 residents within {} m (the standard's walking limit) and raise covered_share_pct from 61 to 72.</source>
        <translation>&lt;b&gt;示例&lt;/b&gt;：CATEGORY=kindergarten、MAX_SITES=3，以街区的空置地块为候选，输出按顺序列出三处地块；第一处可能使2300名居民进入{} 米步行范围（标准的步行限值），covered_share_pct 由61提高到72。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>After: the item fails in {} communities (before: {}).</source>
        <translation>选址后：该项不达标的社区 {} 个（选址前：{} 个）。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Before: {:.1f} % of {:g} residents within {:g} m; the item fails in {} communities.</source>
        <translation>选址前：{:.1f} % 的居民（共 {:g} 人）在 {:g} m 以内；该项不达标的社区 {} 个。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Candidate sites (points or polygons); empty: generated along the network</source>
        <translation>候选用地（点或面）；为空时沿路网自动生成</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Candidates not eligible (with the reason)</source>
        <translation>不符合条件的候选用地（含原因）</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Candidates: {} from {}, {} eligible.</source>
        <translation>候选用地：{} 处（来自 {}），其中 {} 处符合条件。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Communities before and after</source>
        <translation>选址前后的社区状态</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Community {} lacks the item but has no eligible candidate inside.</source>
        <translation>社区 {} 缺少该项，但社区内没有符合条件的候选用地。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Cover the most residents (maximal covering)</source>
        <translation>覆盖最多居民（最大覆盖）</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Coverage curve (sites → share of residents within {:g} m): {}</source>
        <translation>覆盖曲线（新增设施数 → {:g} m 内居民比例）：{}</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Existing facilities (points or polygons)</source>
        <translation>现有设施（点或面）</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Existing facilities of the kind: {}.</source>
        <translation>该类现有设施：{} 处。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Facility kind to add (category code, e.g. kindergarten)</source>
        <translation>拟新增的设施类别（类别代码，如 kindergarten）</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Floor area field of the candidates (m²)</source>
        <translation>候选用地的建筑面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Give a maximum number of sites, a target coverage, or both.</source>
        <translation>请给出最多选址数、目标覆盖率，或两者都给。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Land area field of the candidates (m²)</source>
        <translation>候选用地的用地面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Maximum number of sites</source>
        <translation>最多选址数</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Measuring the reach of {} candidates…</source>
        <translation>正在计算 {} 处候选用地的步行覆盖范围…</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>No residents to serve: the communities (or origins) carry no population.</source>
        <translation>没有可服务的居民：社区（或出发点）没有人口数据。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Objective</source>
        <translation>选址目标</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>One site for each community that lacks the item</source>
        <translation>为每个缺少该项的社区各选一处</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Spacing of generated candidates along the network (m)</source>
        <translation>沿路网生成候选点的间距（m）</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Suggest sites for a missing facility</source>
        <translation>补短板选址建议</translation>
    </message>
    <message>
        <source>Suggest sites for a missing facility (补短板选址建议)</source>
        <translation type="obsolete">补短板选址建议</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Suggested sites</source>
        <translation>建议选址</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Suggesting sites needs the road network: choose the layer of streets and paths.</source>
        <translation>选址需要路网：请选择街道和步行道图层。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Target share of residents within the limit (%)</source>
        <translation>目标：步行限值内居民比例（%）</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>The candidate layer {} has no field '{}' (for {}).</source>
        <translation>候选用地图层 {} 没有字段“{}”（用于 {}）。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>The standard sets no walking limit for {}: give the walking limit (DISTANCE).</source>
        <translation>标准未规定 {} 的步行距离限值：请给出步行限值（DISTANCE）。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>The walking limit must be a number of metres above 0.</source>
        <translation>步行限值必须是大于 0 的米数。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Walking from the existing facilities…</source>
        <translation>正在计算现有设施的步行距离…</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Walking limit (m); empty: the standard's for the kind</source>
        <translation>步行限值（m）；为空时采用标准中该类设施的限值</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>Where to build a facility kind that residents lack (the guide's 补短板 action): candidate sites are chosen on the real walking network so that the most residents come within the standard's walking limit of one, counting the existing facilities.&lt;br&gt;&lt;br&gt;&lt;b&gt;Facility kind&lt;/b&gt;: a category code of the standard ({}).&lt;br&gt;&lt;b&gt;Candidates&lt;/b&gt; (optional): points or polygons where one could be built — vacant land, 存量用地, public buildings, vacant rental flats. A polygon's land area is its measured area unless a land area field is chosen; a floor area field may be chosen too. A candidate smaller than the item's land or floor-area rule ({}) is not eligible: the &lt;b&gt;candidates not eligible&lt;/b&gt; output lists it with the reason, as it lists a candidate too far from the road network or without a usable geometry. Without candidates, points are generated along the walkable network wherever residents in need are within the walking limit, one every &lt;b&gt;candidate spacing&lt;/b&gt; metres (default {:g} m: every point of those streets is then at most half a spacing from a candidate).&lt;br&gt;&lt;b&gt;Objective&lt;/b&gt;: &lt;i&gt;cover the most residents&lt;/i&gt; (maximal covering) — each next site is the one that brings the most residents newly within the limit (greedy choice; because coverage has diminishing returns, k greedy sites always cover at least 1 − 1/e ≈ 63 % of what the best k sites could, and usually nearly all of it). Gains are re-evaluated lazily, which gives exactly the same choice. It stops at &lt;b&gt;maximum sites&lt;/b&gt;, at the &lt;b&gt;target coverage&lt;/b&gt; (share of residents within the limit), or when nobody more can be reached. Or &lt;i&gt;one site for each community that lacks the item&lt;/i&gt;: inside the community, the candidate that minimises its residents' mean walking distance (first the fewest residents who can reach none).&lt;br&gt;&lt;b&gt;Distance&lt;/b&gt;: empty takes the standard's walking limit for the kind. Residents are the origins (buildings or population points with a population) when given, else each community's point inside with its population. Each candidate's reach is one search bounded by the limit, so the cost grows with the candidates, not with the city. Ties go to the candidate given (or generated) first: the same inputs always give the same sites.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: the suggested sites in order, with rank, new_residents (residents each brings within the limit), covered_residents and covered_share_pct (cumulative: existing facilities plus the sites so far), communities_met (communities whose item becomes met) and the candidate's own attributes; every community's status for the item before and after. A suggested site is assumed to be built to the standard's size unless the candidate's areas are given. The log prints the coverage curve.</source>
        <translation>为居民缺少的一类设施选址（指南的“补短板”行动）：在真实的步行路网上挑选候选用地，使尽可能多的居民（连同现有设施）进入标准规定的步行距离之内。&lt;br&gt;&lt;br&gt;&lt;b&gt;设施类别&lt;/b&gt;：标准中的类别代码（{}）。&lt;br&gt;&lt;b&gt;候选用地&lt;/b&gt;（可选）：可以建设的点或面——空置用地、存量用地、公共建筑、空置公租房。面的用地面积为实测面积，也可选择用地面积字段；还可选择建筑面积字段。小于该项用地或建筑面积规定（{}）的候选用地不符合条件：&lt;b&gt;不符合条件的候选用地&lt;/b&gt;输出列出它及原因，距路网过远或没有可用几何的候选用地也列在其中。没有候选用地时，在有需求居民步行限值以内的可步行路网上，每隔&lt;b&gt;候选点间距&lt;/b&gt;米生成一个候选点（默认 {:g} m：这些街道上任一点距候选点最多半个间距）。&lt;br&gt;&lt;b&gt;选址目标&lt;/b&gt;：&lt;i&gt;覆盖最多居民&lt;/i&gt;（最大覆盖）——每次选择能使最多新居民进入步行限值的候选用地（贪心选择；覆盖具有边际递减性，贪心选出的 k 处至少覆盖最优 k 处所能覆盖人数的 1 − 1/e ≈ 63 %，实际通常接近全部）。收益采用惰性重算，结果与每轮全部重算完全相同。达到&lt;b&gt;最多选址数&lt;/b&gt;、&lt;b&gt;目标覆盖率&lt;/b&gt;（步行限值内居民比例）或无法再覆盖更多居民时停止。或者&lt;i&gt;为每个缺少该项的社区各选一处&lt;/i&gt;：在社区内选择使其居民平均步行距离最短的候选用地（首先使无法到达任何设施的居民最少）。&lt;br&gt;&lt;b&gt;步行限值&lt;/b&gt;：为空时采用标准中该类设施的限值。居民为给定的出发点（带人口的住宅楼或人口点），否则为各社区内部的代表点及其人口。每处候选用地的覆盖范围由一次以限值为界的搜索得到，因此计算量随候选数量增长，而不随城市规模增长。收益相同时取先给出（或先生成）的候选：相同输入总得到相同的选址。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：按顺序排列的建议选址，含 rank（序号）、new_residents（该处新覆盖的居民）、covered_residents 和 covered_share_pct（累计：现有设施加上至此为止的选址）、communities_met（该项因此达标的社区）以及候选用地自身的属性；每个社区该项在选址前后的状态。除非给出候选用地的面积，否则假定建议选址按标准规模建设。日志输出覆盖曲线。</translation>
    </message>
    <message>
        <source>Where to build a facility kind that residents lack (the guide's 补短板 action): candidate sites are chosen on the real walking network so that the most residents come within the standard's walking limit of one, counting the existing facilities.&lt;br&gt;&lt;br&gt;&lt;b&gt;Facility kind&lt;/b&gt;: a category code of the standard ({}).&lt;br&gt;&lt;b&gt;Candidates&lt;/b&gt; (optional): points or polygons where one could be built — vacant land, 存量用地, public buildings, vacant rental flats. A polygon's land area is its measured area unless a land area field is chosen; a floor area field may be chosen too. A candidate smaller than the item's land or floor-area rule ({}) is not eligible: the log lists it with the reason. Without candidates, points are generated along the walkable network wherever residents in need are within the walking limit, one every &lt;b&gt;candidate spacing&lt;/b&gt; metres (default {:g} m: every point of those streets is then at most half a spacing from a candidate).&lt;br&gt;&lt;b&gt;Objective&lt;/b&gt;: &lt;i&gt;cover the most residents&lt;/i&gt; (maximal covering) — each next site is the one that brings the most residents newly within the limit (greedy choice; because coverage has diminishing returns, k greedy sites always cover at least 1 − 1/e ≈ 63 % of what the best k sites could, and usually nearly all of it). Gains are re-evaluated lazily, which gives exactly the same choice. It stops at &lt;b&gt;maximum sites&lt;/b&gt;, at the &lt;b&gt;target coverage&lt;/b&gt; (share of residents within the limit), or when nobody more can be reached. Or &lt;i&gt;one site for each community that lacks the item&lt;/i&gt;: inside the community, the candidate that minimises its residents' mean walking distance (first the fewest residents who can reach none).&lt;br&gt;&lt;b&gt;Distance&lt;/b&gt;: empty takes the standard's walking limit for the kind. Residents are the origins (buildings or population points with a population) when given, else each community's point inside with its population. Each candidate's reach is one search bounded by the limit, so the cost grows with the candidates, not with the city. Ties go to the candidate given (or generated) first: the same inputs always give the same sites.&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;Outputs&lt;/b&gt;: the suggested sites in order, with rank, new_residents (residents each brings within the limit), covered_residents and covered_share_pct (cumulative: existing facilities plus the sites so far), communities_met (communities whose item becomes met) and the candidate's own attributes; every community's status for the item before and after. A suggested site is assumed to be built to the standard's size unless the candidate's areas are given. The log prints the coverage curve.</source>
        <translation type="obsolete">为居民缺少的一类设施选址（指南的“补短板”行动）：在真实的步行路网上挑选候选用地，使尽可能多的居民（连同现有设施）进入标准规定的步行距离之内。&lt;br&gt;&lt;br&gt;&lt;b&gt;设施类别&lt;/b&gt;：标准中的类别代码（{}）。&lt;br&gt;&lt;b&gt;候选用地&lt;/b&gt;（可选）：可以建设的点或面——空置用地、存量用地、公共建筑、空置公租房。面的用地面积为实测面积，也可选择用地面积字段；还可选择建筑面积字段。小于该项用地或建筑面积规定（{}）的候选用地不符合条件：日志列出它及原因。没有候选用地时，在有需求居民步行限值以内的可步行路网上，每隔&lt;b&gt;候选点间距&lt;/b&gt;米生成一个候选点（默认 {:g} m：这些街道上任一点距候选点最多半个间距）。&lt;br&gt;&lt;b&gt;选址目标&lt;/b&gt;：&lt;i&gt;覆盖最多居民&lt;/i&gt;（最大覆盖）——每次选择能使最多新居民进入步行限值的候选用地（贪心选择；覆盖具有边际递减性，贪心选出的 k 处至少覆盖最优 k 处所能覆盖人数的 1 − 1/e ≈ 63 %，实际通常接近全部）。收益采用惰性重算，结果与每轮全部重算完全相同。达到&lt;b&gt;最多选址数&lt;/b&gt;、&lt;b&gt;目标覆盖率&lt;/b&gt;（步行限值内居民比例）或无法再覆盖更多居民时停止。或者&lt;i&gt;为每个缺少该项的社区各选一处&lt;/i&gt;：在社区内选择使其居民平均步行距离最短的候选用地（首先使无法到达任何设施的居民最少）。&lt;br&gt;&lt;b&gt;步行限值&lt;/b&gt;：为空时采用标准中该类设施的限值。居民为给定的出发点（带人口的住宅楼或人口点），否则为各社区内部的代表点及其人口。每处候选用地的覆盖范围由一次以限值为界的搜索得到，因此计算量随候选数量增长，而不随城市规模增长。收益相同时取先给出（或先生成）的候选：相同输入总得到相同的选址。&lt;br&gt;{}&lt;br&gt;&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：按顺序排列的建议选址，含 rank（序号）、new_residents（该处新覆盖的居民）、covered_residents 和 covered_share_pct（累计：现有设施加上至此为止的选址）、communities_met（该项因此达标的社区）以及候选用地自身的属性；每个社区该项在选址前后的状态。除非给出候选用地的面积，否则假定建议选址按标准规模建设。日志输出覆盖曲线。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>farther than {:g} m from the road network</source>
        <translation>距路网超过 {:g} 米</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>feature {}: {}</source>
        <translation>要素 {}：{}</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>layer {}, field '{}': not an area in m², not checked</source>
        <translation>图层 {} 字段“{}”：不是以 m² 计的面积，未检查</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>layer {}: candidate without usable geometry, left out</source>
        <translation>图层 {}：候选用地没有可用的几何，已排除</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>no usable geometry</source>
        <translation>无可用几何</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>{} candidate points generated every {:g} m along {:.1f} km of streets within {:g} m of residents in need.</source>
        <translation>共生成 {} 个候选点，间距 {:g} m，沿 {:.1f} km 街道（位于有需求居民 {:g} m 步行范围内）。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>{} candidate(s) farther than {:g} m from the road network are left out.</source>
        <translation>{} 处候选用地距路网超过 {:g} m，已排除。</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>{} candidate(s) of {} are too small for the item, not eligible: {}</source>
        <translation>{} 处候选用地（{}）面积不足，不符合条件：{}</translation>
    </message>
    <message>
        <location filename="../processing/suggest_sites.py"/>
        <source>{}: walking limit {:g} m.</source>
        <translation>{}：步行限值 {:g} m。</translation>
    </message>
</context>
<context>
    <name>SummarizeByAreaAlgorithm</name>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>(no area)</source>
        <translation>（无所属区域）</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>Area field of the communities (e.g. 街道)</source>
        <translation>社区的区域字段（如 街道）</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>Evaluated communities</source>
        <translation>评估后的社区</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>Figures by area</source>
        <translation>按区域汇总</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>Figures by area for the city's annual review, from a layer of evaluated communities (the communities layer of assess, or the output of evaluate_facilities).&lt;br&gt;&lt;br&gt;&lt;b&gt;Areas&lt;/b&gt;: either a field of the communities (for example 街道 or 区) or a polygon layer of areas with a name field; a community belongs to the area that contains a point inside it. Communities outside every area, or without a value, are gathered under '(no area)', never dropped. Without either, the whole layer is one area.&lt;br&gt;&lt;b&gt;Output&lt;/b&gt;: one feature per area (the area's polygon, or the communities' outline when areas come from a field), styled by the complete-community rate: communities and residents assessed, complete (cc_status pass), failing and without data; the complete-community rate by communities and by residents (percent); per item the percentage of the communities (and of their residents) where the item applies that meet it — a community whose data cannot decide does not count as meeting; and the three weakest items.&lt;br&gt;&lt;br&gt;&lt;b&gt;Example&lt;/b&gt;: the sample district's communities with the area field street give three rows, 卓刀泉街道, 关山街道 and 花山街道.</source>
        <translation>按街道或区汇总评估后的社区，用于城市年度体检（输入为 assess 输出的 communities 图层，或 evaluate_facilities 的输出）。&lt;br&gt;&lt;br&gt;&lt;b&gt;区域&lt;/b&gt;：社区图层的一个字段（如 街道 或 区），或带名称字段的区域面图层；社区归入包含其内部一点的区域。不在任何区域内或字段为空的社区计入“（无所属区域）”，不会被丢弃。两者都不给时，整个图层作为一个区域。&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;：每个区域一个要素（区域面，或按字段汇总时为社区轮廓的合并），按完整社区达标率着色：评估的社区数与人口、达标（cc_status 为 pass）、不达标与数据不足的社区数与人口；按社区数和按人口计的完整社区达标率（百分比）；每个建设项目在适用社区中达标的社区比例和人口比例——数据不足以判定的社区不计为达标；以及最薄弱的三个项目。&lt;br&gt;&lt;br&gt;&lt;b&gt;示例&lt;/b&gt;：示例城区的社区以 street 字段汇总，得到卓刀泉街道、关山街道、花山街道三行。</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>Name field of the areas</source>
        <translation>区域名称字段</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>Or: area polygons (streets, districts)</source>
        <translation>或：区域面图层（街道、区）</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>Resident population field (default: scale_population)</source>
        <translation>常住人口字段（默认 scale_population）</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>Summarize by street or district</source>
        <translation>按街道/区汇总</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>The area layer {} has no field '{}'.</source>
        <translation>区域图层 {} 没有字段“{}”。</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>The layer {} has no field {} and no population field was given: residents are not counted.</source>
        <translation>图层 {} 没有字段 {}，也未指定人口字段：不统计人口。</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>The layer {} has no field {}: give the communities layer written by assess or evaluate_facilities.</source>
        <translation>图层 {} 没有字段 {}：请使用 assess 或 evaluate_facilities 输出的社区图层。</translation>
    </message>
    <message>
        <location filename="../processing/summarize_by_area.py"/>
        <source>{count} communities of {layer} lie in none of the areas; they are counted under '{label}'.</source>
        <translation>{layer} 中有 {count} 个社区不在任何区域内，计入“{label}”。</translation>
    </message>
</context>
<context>
    <name>WalkingDistances</name>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>Bridge/tunnel or layer field of the roads (not connected across levels)</source>
        <translation>道路的桥梁/隧道或层级字段（不同层级不连通）</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>Building the walking network…</source>
        <translation>正在构建步行网络…</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>Connect streets that cross without a shared vertex (not bridges or tunnels)</source>
        <translation>在无公共节点的道路交叉处连通（桥梁、隧道除外）</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>Detour factor for straight lines (without a network)</source>
        <translation>直线距离绕行系数（无路网时）</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>Maximum distance from a point to the network (m)</source>
        <translation>点到路网的最大吸附距离（米）</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>No road network: distances are straight lines × {:g} (walk_method). Give a network for real walking distances.</source>
        <translation>未提供路网：距离按直线距离 × {:g} 计算（见 walk_method）。请提供路网以计算真实步行距离。</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>OSM roads: keep only the ways people may walk on (highway, foot, access tags)</source>
        <translation>OSM 道路：只保留可步行的道路（依据 highway、foot、access 标签）</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>Road network (lines); empty: straight lines × detour factor</source>
        <translation>路网（线）；为空时按直线距离 × 绕行系数</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>The road network {} has no walkable line.</source>
        <translation>路网 {} 中没有可步行的道路。</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>Walkable field (yes/no; no = left out, e.g. motorways)</source>
        <translation>可步行字段（是/否；否 = 排除，如高速公路）</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>Walking network: {} segments, {} nodes, {} connected piece(s).</source>
        <translation>步行网络：{} 条路段，{} 个节点，{} 个连通片区。</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>Walking speed field of the roads (m/min)</source>
        <translation>道路步行速度字段（米/分钟）</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>farther than {:g} m from the road network</source>
        <translation>距路网超过 {:g} 米</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>no {} in the facility layers</source>
        <translation>设施图层中没有{}</translation>
    </message>
    <message>
        <location filename="../processing/walking_distances.py"/>
        <source>no {} on the piece of road network it is on</source>
        <translation>所在的路网片区内没有{}</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Load the communities (with a population field), the facilities (with a category field) and the road network into the project first.</source>
        <translation>请先将居住社区（含人口字段）、设施（含类别字段）和路网加载到项目中。</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>No community changed.</source>
        <translation>没有社区发生变化。</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Pick a kind of facility, then click on the map where it could be built: the communities it would serve are re-evaluated at once.</source>
        <translation>选择设施类别，然后在地图上点击可能建设的位置：它所服务的社区会立即重新评估。</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Place on the map</source>
        <translation>在地图上放置</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Proposal removed.</source>
        <translation>已撤销该假设设施。</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Proposal {}: {}</source>
        <translation>假设设施 {}：{}</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Proposed facilities (what if)</source>
        <translation>假设新增设施</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Reading the layers and building the walking network…</source>
        <translation>正在读取图层并构建步行路网…</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Ready: {} communities, {} road segments.</source>
        <translation>就绪：{} 个社区，{} 段道路。</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Residents within the limit</source>
        <translation>限值内居民</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>The what-if session could not be built: {}</source>
        <translation>无法建立假设评估：{}</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>Walk (m)</source>
        <translation>步行距离（米）</translation>
    </message>
    <message>
        <location filename="../ui/whatif_panel.py"/>
        <source>{} communities changed.</source>
        <translation>{} 个社区发生变化。</translation>
    </message>
</context>
<context>
    <name>Workbook</name>
    <message>
        <location filename="../report/workbook.py"/>
        <source>(no area)</source>
        <translation>（无所属区域）</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>By area</source>
        <translation>按区域汇总</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Communities</source>
        <translation>社区数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Communities assessed</source>
        <translation>评估社区数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Communities failing a required item</source>
        <translation>不达标社区数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Communities that fail it</source>
        <translation>不达标社区数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Communities the data cannot decide</source>
        <translation>数据不足社区数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Communities without a resident population</source>
        <translation>缺少人口数据的社区数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Community ID</source>
        <translation>社区编号</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Community × item</source>
        <translation>社区逐项评估</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Complete</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Complete communities</source>
        <translation>完整居住社区数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Complete-community rate (communities)</source>
        <translation>完整社区达标率（按社区数）</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Complete-community rate (residents)</source>
        <translation>完整社区达标率（按人口）</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Failing</source>
        <translation>不达标</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Item</source>
        <translation>建设项目</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Level</source>
        <translation>要求类别</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circle</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circle ID</source>
        <translation>生活圈编号</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circle × item</source>
        <translation>生活圈逐项评估</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circles assessed</source>
        <translation>评估生活圈数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circles failing a required item</source>
        <translation>不达标生活圈数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circles met</source>
        <translation>达标生活圈数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circles met (share of life circles)</source>
        <translation>生活圈达标率（按生活圈数）</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circles met (share of residents)</source>
        <translation>生活圈达标率（按人口）</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circles that fail it</source>
        <translation>不达标的生活圈数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circles the data cannot decide</source>
        <translation>数据不足生活圈数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Life circles without a resident population</source>
        <translation>缺少人口数据的生活圈数</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Measured</source>
        <translation>实测值</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Missing items</source>
        <translation>缺项</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>No data</source>
        <translation>数据不足</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Population</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Prepared by</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Reason</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Recommended action (the guide)</source>
        <translation>建议措施（指南）</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Residents</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Residents affected</source>
        <translation>涉及人口</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Residents in complete communities</source>
        <translation>完整居住社区常住人口</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Residents in life circles met</source>
        <translation>达标生活圈常住人口</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Rules</source>
        <translation>逐条规则</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Shortfalls</source>
        <translation>补短板清单</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Standard</source>
        <translation>评估标准</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Status</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Summary</source>
        <translation>概况</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Threshold</source>
        <translation>标准值</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Verdict</source>
        <translation>综合结论</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Weakest items</source>
        <translation>最薄弱的建设项目</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <location filename="../report/workbook.py"/>
        <source>{}: share meeting</source>
        <translation>{}：达标比例</translation>
    </message>
</context>
<context>
    <name>WorkflowModel</name>
    <message>
        <source>A Graphical Modeler model of the common case: evaluate_facilities, then evaluate_walking_access on its result (so one layer carries the provision and the walking results), and export_map. Open it in the Graphical Modeler (right-click → Edit Model) to adapt it, e.g. to add origins or your city's standard. For everything in one GeoPackage with a report, use the complete community assessment (assess).</source>
        <translation type="obsolete">常用流程的图形建模器模型：先做配套设施评估，再在其结果上做步行可达性评估（同一图层同时带有配套设施和步行可达结果），最后导出评估图。可在图形建模器中打开（右键 → 编辑模型）进行调整，例如加入出发点或本市标准。如需把全部结果写入一个 GeoPackage 并生成报告，请使用完整居住社区综合评估（assess）。</translation>
    </message>
    <message>
        <location filename="../processing/workflow_model.py"/>
        <source>A Graphical Modeler model of the common case: evaluate_facilities, then evaluate_walking_access on its result (so one layer carries the provision and the walking results), export_map and export_atlas (one page per community). Open it in the Graphical Modeler (right-click → Edit Model) to adapt it, e.g. to add origins or your city's standard. For everything in one GeoPackage with a report, use the complete community assessment (assess).</source>
        <translation>常见情形的图形建模器模型：先运行 evaluate_facilities，再对其结果运行 evaluate_walking_access（同一图层同时带有配套设施与步行可达结果），然后运行 export_map 和 export_atlas（一社区一页）。在图形建模器中打开（右键 → 编辑模型）即可修改，例如加入出发点或本市标准。若要把全部结果写入一个 GeoPackage 并生成报告，请使用完整居住社区评估（assess）。</translation>
    </message>
    <message>
        <location filename="../processing/workflow_model.py"/>
        <source>Complete community workflow (model: provision → walking → map and atlas)</source>
        <translation>完整居住社区工作流程（模型：配套设施 → 步行可达 → 评估图与档案）</translation>
    </message>
    <message>
        <source>Complete community workflow (model: provision → walking → map)</source>
        <translation type="obsolete">完整居住社区评估流程（模型：配套设施 → 步行可达 → 评估图）</translation>
    </message>
    <message>
        <location filename="../processing/workflow_model.py"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
</context>
</TS>
