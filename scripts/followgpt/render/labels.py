"""Every user-visible word the renderers print, per language.

One table per kind of label; ``label(table, key, lang)`` falls back to the key itself so a value the
registry gains before this file does still renders (visibly untranslated) instead of crashing.
"""

from __future__ import annotations

from followgpt.registry.vocabulary import EDGE_LABELS, FACT_LABELS, SERIES_EDGE

# Fact and lineage-edge labels come from the registry vocabulary, so the registry docs and the site agree.
FACT_NAMES = FACT_LABELS

# Table columns that are not facts.
COLUMNS = {
    "name": {"zh": "模型", "en": "Model"},
    "organizations": {"zh": "机构", "en": "Organisations"},
    "access": {"zh": "开放方式", "en": "Access"},
    "license": {"zh": "许可证", "en": "Licence"},
    "architecture": {"zh": "架构", "en": "Architecture"},
    "training_data": {"zh": "训练数据", "en": "Training data"},
    "methods": {"zh": "训练方法", "en": "Methods"},
    "kind": {"zh": "类型", "en": "Kind"},
    "family": {"zh": "系列", "en": "Family"},
    "status": {"zh": "状态", "en": "Status"},
    "modalities": {"zh": "模态", "en": "Modalities"},
    "reasoning": {"zh": "推理模式", "en": "Reasoning"},
}

MODALITIES = {
    "text": {"zh": "文本", "en": "text"},
    "image": {"zh": "图像", "en": "images"},
    "audio": {"zh": "音频", "en": "audio"},
    "video": {"zh": "视频", "en": "video"},
}

REASONING = {
    "none": {"zh": "无（直接作答）", "en": "none (answers directly)"},
    "always": {"zh": "始终先推理再作答", "en": "always reasons before answering"},
    "selectable": {"zh": "可选（可开关思考或调节推理强度）", "en": "selectable (thinking on/off or an effort level)"},
}

# Availability derived from the lifecycle (Registry.status).
AVAILABILITY = {
    "available": {"zh": "可用", "en": "available"},
    "retired": {"zh": "已退役", "en": "retired"},
}

LIFECYCLE_SCOPES = {
    "api": {"zh": "API", "en": "the API"},
    "chatgpt": {"zh": "ChatGPT", "en": "ChatGPT"},
    "product": {"zh": "产品中", "en": "the product"},
    "weights": {"zh": "权重下载", "en": "weight downloads"},
}

# One dated line per lifecycle event; {date}, {scope} and {to} are filled in.
LIFECYCLE_EVENTS = {
    "deprecated": {"zh": "{date}宣布在{scope}弃用", "en": "{date}: deprecated in {scope}"},
    "retired": {"zh": "{date}从{scope}下线", "en": "{date}: retired from {scope}"},
    "renamed": {"zh": "{date}在{scope}更名为{to}", "en": "{date}: renamed {to} in {scope}"},
    "released": {"zh": "{date}在{scope}上线", "en": "{date}: became available in {scope}"},
}

# Short names for the timeline's "date type" column.
LIFECYCLE_EVENT_NAMES = {
    "deprecated": {"zh": "宣布弃用", "en": "Deprecated"},
    "retired": {"zh": "退役", "en": "Retired"},
    "renamed": {"zh": "更名", "en": "Renamed"},
    "released": {"zh": "上线", "en": "Released"},
}
LIFECYCLE_SCOPE_NAMES = {
    "api": {"zh": "API", "en": "API"},
    "chatgpt": {"zh": "ChatGPT", "en": "ChatGPT"},
    "product": {"zh": "产品", "en": "product"},
    "weights": {"zh": "权重", "en": "weights"},
}

LICENSE_KINDS = {
    "permissive": {"zh": "宽松开源许可", "en": "permissive"},
    "copyleft": {"zh": "著佐权（copyleft）", "en": "copyleft"},
    "open-weight-custom": {"zh": "自定义开放权重许可", "en": "custom open-weight licence"},
    "non-commercial": {"zh": "非商业许可", "en": "non-commercial"},
    "proprietary": {"zh": "专有条款", "en": "proprietary terms"},
}

# commercial_use and use_outputs_to_train values.
PERMISSION = {
    "yes": {"zh": "允许", "en": "allowed"},
    "no": {"zh": "不允许", "en": "not allowed"},
    "conditional": {"zh": "有条件允许", "en": "allowed with conditions"},
    "unspecified": {"zh": "未说明", "en": "not addressed"},
}

KINDS = {
    "model": {"zh": "模型", "en": "model"},
    "model-series": {"zh": "模型系列", "en": "model series"},
    "product": {"zh": "产品", "en": "product"},
    "code-project": {"zh": "代码项目", "en": "code project"},
    "architecture": {"zh": "架构", "en": "architecture"},
}

ARCHITECTURES = {
    "decoder-only": {"zh": "仅解码器", "en": "decoder-only"},
    "encoder-only": {"zh": "仅编码器", "en": "encoder-only"},
    "encoder-decoder": {"zh": "编码器-解码器", "en": "encoder-decoder"},
    "encoder-decoder-prefix": {"zh": "前缀编码器-解码器", "en": "prefix encoder-decoder"},
    "other": {"zh": "其他", "en": "other"},
}

ACCESS = {
    "open-weights": {"zh": "开放权重", "en": "open weights"},
    "api": {"zh": "API", "en": "API"},
    "product": {"zh": "产品", "en": "product"},
    "closed": {"zh": "未开放", "en": "closed"},
    "code": {"zh": "开源代码", "en": "code"},
    "paper-only": {"zh": "仅论文", "en": "paper only"},
}

METHODS = {
    "pre-training": {"zh": "预训练", "en": "pre-training"},
    "sft": {"zh": "监督微调", "en": "SFT"},
    "instruction-tuning": {"zh": "指令微调", "en": "instruction tuning"},
    "reward-model": {"zh": "奖励模型", "en": "reward model"},
    "ppo": {"zh": "PPO", "en": "PPO"},
    "rlhf": {"zh": "RLHF", "en": "RLHF"},
    "feedme": {"zh": "FeedME", "en": "FeedME"},
    "code-fine-tuning": {"zh": "代码微调", "en": "code fine-tuning"},
    "distillation": {"zh": "蒸馏", "en": "distillation"},
    "lora": {"zh": "LoRA", "en": "LoRA"},
    "self-instruct": {"zh": "Self-Instruct", "en": "Self-Instruct"},
    "dialogue-tuning": {"zh": "对话微调", "en": "dialogue tuning"},
    "multimodal-pretraining": {"zh": "多模态预训练", "en": "multimodal pre-training"},
}

# Tree edges: the registry's lineage types, plus membership of a model series (drawn from ``series:``).
EDGE_TYPES = {**EDGE_LABELS, SERIES_EDGE: {"zh": "系列成员", "en": "series member"}}

EDGE_MEANINGS = {
    SERIES_EDGE: {"zh": "下游是上游系列中的一个规模或版本", "en": "one size or version of the upstream series"},
    "architecture_from": {"zh": "使用上游提出的架构", "en": "uses the architecture introduced upstream"},
    "scaled_from": {"zh": "同一方法，规模放大", "en": "same recipe, scaled up"},
    "fine_tuned_from": {"zh": "以上游权重初始化并继续训练", "en": "initialised from the upstream weights and trained further"},
    "trained_on_outputs_of": {"zh": "用上游生成的数据训练", "en": "trained on data generated by the upstream model"},
    "distilled_from": {"zh": "从上游蒸馏", "en": "distilled from the upstream model"},
    "successor_of": {"zh": "官方称其为上游的下一版本", "en": "presented by its owner as the next version"},
    "based_on": {"zh": "建立在上游模型之上的产品或系统", "en": "a product or system built on the upstream model"},
    "rl_from": {"zh": "以上游权重初始化，主要用强化学习训练", "en": "initialised from the upstream weights, trained mainly by reinforcement learning"},
    "continued_pretraining_of": {"zh": "在上游权重上继续预训练", "en": "further pre-trained from the upstream weights"},
    "quantized_from": {"zh": "上游权重的量化版本", "en": "a quantised version of the upstream weights"},
}

EVIDENCE = {
    "explicit": {"zh": "作者明确说明", "en": "stated by the authors"},
    "inferred": {"zh": "本站的推断", "en": "our inference"},
}

STATUS = {
    "reported": {"zh": "已公布", "en": "reported"},
    "estimated": {"zh": "估计", "en": "estimated"},
    "undisclosed": {"zh": "未公开", "en": "undisclosed"},
    "disputed": {"zh": "有争议", "en": "disputed"},
}

# ISO 639-1 codes used in training.languages; others are shown as the code itself.
LANGUAGES = {
    "en": {"zh": "英语", "en": "English"},
    "zh": {"zh": "中文", "en": "Chinese"},
    "ja": {"zh": "日语", "en": "Japanese"},
    "ko": {"zh": "韩语", "en": "Korean"},
    "de": {"zh": "德语", "en": "German"},
    "fr": {"zh": "法语", "en": "French"},
    "es": {"zh": "西班牙语", "en": "Spanish"},
    "ru": {"zh": "俄语", "en": "Russian"},
    "code": {"zh": "代码", "en": "code"},
    "multilingual": {"zh": "多语言", "en": "multilingual"},
}

TOPIC_FALLBACK = {"zh": "其他", "en": "Other"}

# Free-standing words and phrases; ``{}`` placeholders are filled with str.format.
TEXT = {
    "approx": {"zh": "约 {}", "en": "~{}"},
    "estimate": {"zh": "约 {value}（估计：{by}）", "en": "~{value} (estimate: {by})"},
    "disputed": {"zh": "有争议：{claims}", "en": "disputed: {claims}"},
    "claims_joiner": {"zh": "；", "en": "; "},
    "or": {"zh": " 或 ", "en": " or "},
    "list_joiner": {"zh": "、", "en": ", "},
    "et_al": {"zh": "{} 等", "en": "{} et al."},
    "two_authors": {"zh": "{} 和 {}", "en": "{} and {}"},
    "missing": {"zh": "—", "en": "—"},
    "superseded": {"zh": "早先报告：{}", "en": "earlier reported: {}"},
    "rumour": {"zh": "传闻：{value}（{who}，{date}）", "en": "rumour: {value} ({who}, {date})"},
    "where": {"zh": "（{}）", "en": " ({})"},
    "date_kind": {"zh": "日期类型", "en": "Date type"},
    "year_heading": {"zh": "{year} 年", "en": "{year}"},
    "date": {"zh": "日期", "en": "Date"},
    "fact": {"zh": "项目", "en": "Fact"},
    "value": {"zh": "数值", "en": "Value"},
    "source": {"zh": "来源", "en": "Source"},
    "note": {"zh": "说明", "en": "Note"},
    "line": {"zh": "线型", "en": "Line"},
    "edge_type": {"zh": "关系", "en": "Relation"},
    "meaning": {"zh": "含义", "en": "Meaning"},
    "solid": {"zh": "实线", "en": "solid"},
    "overview_title": {"zh": "登记表全览：按时间排列的模型与谱系", "en": "The registry at a glance: models and lineage over time"},
    "overview_desc": {"zh": "{n} 个模型，按日期自上而下排列（{first} 至 {last}），分为 {lanes} 个家族列；{edges} 条谱系关系用不同线型的连线表示。每个模型链接到它的页面。",
                      "en": "{n} models in date order from top to bottom ({first} to {last}), in {lanes} family columns; {edges} lineage relations drawn as lines in one style per relation. Each model links to its page."},
    "overview_undisclosed": {"zh": "规模未公开", "en": "size undisclosed"},
    "overview_moe": {"zh": "总 {total} / 激活 {active}", "en": "{total} total / {active} active"},
    "overview_no_family": {"zh": "其他", "en": "Other"},
    "overview_key_size": {"zh": "实心点：已公布参数量", "en": "filled dot: published parameter count"},
    "overview_key_undisclosed": {"zh": "空心虚线点：规模未公开", "en": "hollow dashed dot: size undisclosed"},
    "overview_key_none": {"zh": "小圆圈：登记表未记录参数量", "en": "small ring: no parameter count recorded"},
    "overview_key_inferred": {"zh": "提示框中的“?”：本站推断的关系", "en": "“?” in a line's tooltip: our inference"},
    "overview_undated": {"zh": "没有日期、未画出的条目：", "en": "Undated, not drawn: "},
    "tree_line": {"zh": "线型", "en": "Line"},
    "tree_inferred_mark": {"zh": "标签末尾的“?”", "en": "“?” after a label"},
    "tree_dashed_border": {"zh": "虚线边框", "en": "dashed border"},
    "tree_outside": {"zh": "不属于本族，或画在这棵树的另一部分", "en": "outside the family, or drawn in another part of this tree"},
    "tree_split": {"zh": "这棵树太宽，一张图放不下，按年代分成 {total} 部分；虚线边框的节点画在另一部分。",
                   "en": "This tree is too wide for one diagram, so it is split by era into {total} parts; nodes with a dashed border are drawn in another part."},
    "tree_part": {"zh": "第 {n} 部分（共 {total} 部分）：{years}", "en": "Part {n} of {total}: {years}"},
    "path_elided": {"zh": "……（中间 {n} 个模型）……", "en": "… ({n} models between) …"},
    "tree_part_undated": {"zh": "未注明日期", "en": "undated"},
    "tree_split_branch": {"zh": "这棵树太宽，一张图放不下，按分支分成 {total} 部分；虚线边框的节点画在另一部分。",
                          "en": "This tree is too wide for one diagram, so it is split by branch into {total} parts; nodes with a dashed border are drawn in another part."},
    "tree_branch": {"zh": "{names} 一支", "en": "the {names} branch"},
    "tree_branches": {"zh": "{names} 两支", "en": "the {names} branches"},
    "tree_branches_more": {"zh": "{names} 等分支", "en": "the {names}… branches"},
    "lineage_figure_title": {"zh": "{name} 的直接上下游", "en": "{name}: its direct parents and children"},
    "lineage_figure_desc": {"zh": "{name} 及其直接上游（{parents} 个）和直接下游（{children} 个），上游在前。关系：",
                            "en": "{name}, its direct parents ({parents}) and direct children ({children}), parents first. Relations: "},
    "lineage_figure_more": {"zh": "另有 {n} 个未画出：", "en": "{n} more, not drawn: "},
    "dotted": {"zh": "虚线", "en": "dotted"},
    "legend": {"zh": "图例", "en": "Legend"},
    "used_on": {"zh": "使用本术语的页面：", "en": "Used on: "},
    "cited_on": {"zh": "引用本文献的页面：", "en": "Cited on: "},
    "see_also": {"zh": "另见：", "en": "See also: "},
    "also_called": {"zh": "又称：", "en": "Also called: "},
    "aliases": {"zh": "别名", "en": "Aliases"},
    "overview": {"zh": "概况", "en": "Overview"},
    "facts": {"zh": "数据", "en": "Facts"},
    "training": {"zh": "训练", "en": "Training"},
    "corpora": {"zh": "语料", "en": "Corpora"},
    "languages": {"zh": "语言", "en": "Languages"},
    "methods": {"zh": "方法", "en": "Methods"},
    "lineage": {"zh": "谱系", "en": "Lineage"},
    "parents": {"zh": "上游", "en": "Built on"},
    "children": {"zh": "下游", "en": "Led to"},
    "ancestors": {"zh": "上游（含间接）", "en": "Comes from (directly or not)"},
    "descendants": {"zh": "下游（含间接）", "en": "Led to (directly or not)"},
    "path_inferred": {"zh": "路径中含本站推断的关系", "en": "the path includes a relation we inferred"},
    "relatives_more": {"zh": "另有 {n} 个更远的间接上游没有列出；完整列表在本模型的 JSON 数据 {json} 中（见{where}）。",
                       "en": "{n} more distant ancestors are not listed here; the full list is in this model's JSON, "
                             "{json} (see {where})."},
    "relatives_more_below": {"zh": "另有 {n} 个更远的间接下游没有列出；完整列表在本模型的 JSON 数据 {json} 中（见{where}）。",
                             "en": "{n} more distant descendants are not listed here; the full list is in this "
                                   "model's JSON, {json} (see {where})."},
    "indirect_count": {"zh": "另有 {n} 个间接关系", "en": "{n} more, indirectly"},
    "relations_id": {"zh": "JSON 中的写法", "en": "In the JSON"},
    "relations_name": {"zh": "本站名称", "en": "On the site"},
    "relations_hf": {"zh": "Hugging Face 的 base_model_relation", "en": "Hugging Face base_model_relation"},
    "relations_no_hf": {"zh": "无对应", "en": "none"},
    "compare_this": {"zh": "与其他模型逐项对比", "en": "Compare it with other models"},
    "compare_add": {"zh": "添加模型", "en": "Add a model"},
    "compare_placeholder": {"zh": "按中文名、英文名或别名搜索", "en": "Search by name or alias, in English or Chinese"},
    "compare_remove": {"zh": "移除 {name}", "en": "Remove {name}"},
    "compare_limit": {"zh": "最多比较 {n} 个模型；先移除一个再添加。", "en": "Up to {n} models; remove one to add another."},
    "compare_empty": {"zh": "选择两到四个模型，逐项对照登记表中的数据。", "en": "Pick two to four models to see their registry data side by side."},
    "compare_example": {"zh": "例如：", "en": "For example: "},
    "compare_field": {"zh": "项目", "en": "Field"},
    "compare_sources": {"zh": "来源", "en": "Sources"},
    "compare_page": {"zh": "模型档案", "en": "Model page"},
    "compare_json": {"zh": "JSON 数据", "en": "JSON data"},
    "compare_loading": {"zh": "正在载入数据……", "en": "Loading the data…"},
    "compare_failed": {"zh": "数据载入失败：{error}", "en": "The data could not be loaded: {error}"},
    "compare_no_match": {"zh": "没有匹配的模型", "en": "No matching model"},
    "compare_results": {"zh": "找到 {n} 个模型", "en": "{n} models found"},
    "compare_selected": {"zh": "已选择：", "en": "Chosen: "},
    "compare_copy": {"zh": "复制本对比的链接", "en": "Copy a link to this comparison"},
    "compare_copied": {"zh": "链接已复制", "en": "Link copied"},
    "compare_not_recorded": {"zh": "未记录", "en": "not recorded"},
    "compare_fallback": {"zh": "对比功能需要在浏览器中启用 JavaScript。也可以在{index}中逐个查看模型档案，或下载{data}。",
                         "en": "Comparing needs JavaScript in the browser. You can also read each model's page in the "
                               "{index}, or download the {data}."},
    "compare_index": {"zh": "模型索引", "en": "model index"},
    "compare_data": {"zh": "完整数据", "en": "whole dataset"},
    "llms_api": {"zh": "模型 JSON 接口：全部模型的索引，每个模型一份 JSON（含来源、上游与下游）",
                 "en": "Model JSON API: an index of every model, and one JSON file per model (with sources, ancestors "
                       "and descendants)"},
    "neighbourhood": {"zh": "演化关系图", "en": "Evolution neighbourhood"},
    "discussed_in": {"zh": "相关笔记", "en": "Notes that discuss it"},
    "series": {"zh": "所属系列", "en": "Series"},
    "members": {"zh": "成员", "en": "Members"},
    "family": {"zh": "分组", "en": "Group"},
    "inferred_note": {"zh": "推断：{}", "en": "inferred: {}"},
    "no_facts": {"zh": "登记表中暂无数据。", "en": "The registry has no facts for it yet."},
    "nothing": {"zh": "（无）", "en": "(none)"},
    "file": {"zh": "文件", "en": "File"},
    "format": {"zh": "格式", "en": "Format"},
    "contents": {"zh": "内容", "en": "Contents"},
    "download_json": {"zh": "完整登记表：模型（含生命周期与是否已退役）、许可证、来源、机构、术语",
                      "en": "The whole registry: models (with lifecycle and whether retired), licences, sources, "
                            "organisations, terms"},
    "download_csv": {"zh": "每个模型的每项数据一行，含状态、来源、第三方估计（与数值分列）、许可证与是否已退役",
                     "en": "One row per model and fact, with status, source, third-party estimates (apart from the "
                           "value), licence and whether the model is retired"},
    "download_bib": {"zh": "全部参考文献", "en": "Every source in the bibliography"},
    "download_schema": {"zh": "JSON 文件的结构说明（JSON Schema），可用来校验下载的数据",
                        "en": "The structure of the JSON file (a JSON Schema), to validate the download against"},
    "report_fields": {"zh": "发现某项数据有误？按项报告：", "en": "Spotted a wrong figure? Report it: "},
    "report_page": {"zh": "报告本页的问题", "en": "Report a problem with this page"},
    "download_pdf": {"zh": "离线版（{language}）：全部笔记按目录顺序排列，附模型档案，可打印",
                     "en": "Offline edition ({language}): every note in reading order, with the model pages, to print"},
    "llms_overview": {"zh": "总览", "en": "Overview"},
    "llms_models": {"zh": "模型档案", "en": "Model pages"},
    "llms_data": {"zh": "数据文件", "en": "Data files"},
    "llms_json": {"zh": "完整登记表（JSON），含每个数字的出处与状态", "en": "The whole registry as JSON, with every figure's source and status"},
    "llms_schema": {"zh": "JSON 导出文件的 JSON Schema", "en": "The JSON Schema of the JSON export"},
    "llms_csv": {"zh": "每个模型的每项数据一行（CSV）", "en": "One row per model and fact (CSV)"},
    "llms_bibtex": {"zh": "全部参考文献（BibTeX）", "en": "Every source (BibTeX)"},
    "llms_feed": {"zh": "数据变更的 Atom 订阅源", "en": "Atom feed of changes to the data"},
    "llms_details": {
        "zh": "下面按 llmstxt.org 的约定列出本站每个页面的 Markdown 版本：生成的表格、演进树和数值都已展开，链接均为绝对地址。"
              "数字都来自带出处的模型登记表；“未公开”表示开发者没有公布，不是缺失。",
        "en": "Below, following the llmstxt.org convention, is the Markdown version of every page of this site, with the "
              "generated tables, evolution trees and figures expanded and every link absolute. Every figure comes from "
              "a sourced model registry; \"undisclosed\" means the developer did not publish it, not that it is missing.",
    },
    "dataset_version_line": {"zh": "当前数据版本：**{version}**。", "en": "Current dataset version: **{version}**."},
    "see_changelog": {"zh": "各版本的变化见{link}。", "en": " What changed in each version: {link}."},
    "growth_title": {"zh": "模型参数量随时间的增长", "en": "Growth of model parameters over time"},
    "growth_desc": {
        "zh": "对数纵轴为参数量，横轴为日期；共 {n} 个模型，从 {first} 到 {last}。空心点为估计值。",
        "en": "Parameters on a logarithmic vertical axis against date; {n} models from {first} to {last}. "
              "Hollow points are estimates.",
    },
    "growth_axis_y": {"zh": "参数量（对数刻度）", "en": "Parameters (log scale)"},
    "growth_axis_x": {"zh": "日期", "en": "Date"},
    "retired_badge": {"zh": "已退役", "en": "Retired"},
    "retired_access": {"zh": "{access}（{date}已退役）", "en": "{access} (retired {date})"},
    "lifecycle": {"zh": "生命周期", "en": "Lifecycle"},
    "events": {"zh": "事件", "en": "Events"},
    "snapshots": {"zh": "API 快照", "en": "API snapshots"},
    "license_terms": {"zh": "商用：{commercial}；用输出训练其他模型：{outputs}", "en": "commercial use: {commercial}; "
                      "outputs to train other models: {outputs}"},
    "input": {"zh": "输入", "en": "input"},
    "output": {"zh": "输出", "en": "output"},
    "total_parameters": {"zh": "总参数量", "en": "Total parameters"},
    "since": {"zh": "（{date}起）", "en": " (since {date})"},
    "earlier": {"zh": "此前：{value}（至 {date}）", "en": "before: {value} (until {date})"},
    "estimate_by": {"zh": "第三方估计（非官方数值）：{by}（{date}）估计为 {value}", "en": "third-party estimate "
                    "(not an official figure): {by} ({date}) estimated {value}"},
    "method": {"zh": "方法：{}", "en": "method: {}"},
    "edge_since_until": {"zh": "{since}至 {until}", "en": "from {since} until {until}"},
    "edge_since": {"zh": "{since}起", "en": "since {since}"},
    "edge_until": {"zh": "至 {until}", "en": "until {until}"},
    "licenses_empty": {"zh": "登记表中还没有许可证。", "en": "The registry has no licences yet."},
    "license": {"zh": "许可证", "en": "Licence"},
    "license_kind": {"zh": "类型", "en": "Kind"},
    "commercial_use": {"zh": "商用", "en": "Commercial use"},
    "outputs_use": {"zh": "用输出训练其他模型", "en": "Outputs to train other models"},
    "conditions": {"zh": "条件", "en": "Conditions"},
    "regional_limits": {"zh": "地区限制", "en": "Regional limits"},
    "models": {"zh": "模型", "en": "Models"},
    "growth_desc_moe": {"zh": "菱形为混合专家模型的激活参数量，以虚线连到其总参数量。",
                        "en": " Diamonds are the active parameters of mixture-of-experts models, joined to their total "
                              "by a dashed line."},
    "growth_legend_total": {"zh": "总参数量", "en": "total parameters"},
    "growth_legend_active": {"zh": "激活参数量（混合专家）", "en": "active parameters (mixture of experts)"},
    "growth_active_tooltip": {"zh": "{name}：总参数量 {total}，激活参数量 {active}",
                              "en": "{name}: {total} total, {active} active parameters"},
    "growth_undisclosed": {"zh": "参数量未公开、因而未画出的模型：", "en": "Not plotted, parameter count undisclosed: "},
    "growth_empty": {"zh": "登记表中还没有同时有日期和参数量的模型。", "en": "No model in the registry has both a date and a parameter count yet."},
}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def label(table: dict, key: str, lang: str) -> str:
    entry = table.get(key)
    if entry is None:
        return key
    return entry[lang]


def text(key: str, lang: str) -> str:
    return TEXT[key][lang]


def bilingual(value, lang: str) -> str:
    """A registry ``{zh: …, en: …}`` mapping (or a plain string) in ``lang``."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or value.get("zh") or "")
    return "" if value is None else str(value)
