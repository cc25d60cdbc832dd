"""The registry's fixed vocabulary: fact names and units, enums, id/date patterns.

This module is the single source of truth. The JSON Schemas in ``resources/schema/`` are generated
from it (``python -m followgpt.registry.write_schemas``) and a test fails when the committed files are stale.
"""

from __future__ import annotations

# Units a fact's value can have. Values are always in base units (no "175B", no "570GB").
UNITS = {
    "date": "a date YYYY-MM-DD, YYYY-MM or YYYY",
    "count": "a positive whole number",
    "tokens": "a positive whole number of tokens",
    "bytes": "a positive whole number of bytes",
    "flops": "a positive number of floating-point operations",
    "usd": "a positive amount in US dollars",
}
INTEGER_UNITS = frozenset({"count", "tokens", "bytes"})

# name: (unit, zh label, en label, meaning)
FACT_TABLE: dict[str, tuple[str, str, str, str]] = {
    "paper_date": ("date", "论文日期", "Paper", "first public version of the paper (arXiv v1, or the PDF's publication)"),
    "announcement_date": ("date", "发布日期", "Announced", "official announcement (blog post, launch)"),
    "api_date": ("date", "API 开放日期", "API", "available through a public/beta API"),
    "weights_date": ("date", "权重发布日期", "Weights released", "weights released for download"),
    "code_date": ("date", "代码发布日期", "Code released", "code released (code projects)"),
    "parameters": ("count", "参数量", "Parameters", "total parameters (for mixture-of-experts models: all experts)"),
    "active_parameters": ("count", "激活参数量", "Active parameters",
                          "parameters active per token (mixture-of-experts models; leave out for dense models)"),
    "experts": ("count", "专家数", "Experts", "routed experts per MoE layer"),
    "experts_per_token": ("count", "每 token 激活专家数", "Experts per token", "routed experts activated per token"),
    "shared_experts": ("count", "共享专家数", "Shared experts", "always-active shared experts per MoE layer"),
    "layers": ("count", "层数", "Layers", "Transformer blocks (per stack for encoder-decoder: note it)"),
    "d_model": ("count", "隐藏维度", "d_model", "hidden size"),
    "d_ff": ("count", "前馈层维度", "d_ff", "feed-forward inner size"),
    "heads": ("count", "注意力头数", "Heads", "attention heads"),
    "kv_heads": ("count", "键值头数", "KV heads",
                 "key/value heads (GQA/MQA); leave out when equal to heads (MHA) unless the source states it"),
    "context_length": ("tokens", "上下文长度", "Context length", "maximum context (sequence) length"),
    "pretraining_context_length": ("tokens", "预训练上下文长度", "Pre-training context length",
                                   "context length used in (most of) pre-training, when context_length was "
                                   "extended later"),
    "max_output_tokens": ("tokens", "最大输出长度", "Max output tokens", "maximum output tokens per request (API models)"),
    "knowledge_cutoff": ("date", "知识截止日期", "Knowledge cutoff", "training-data cutoff as published by the developer"),
    "vocab_size": ("count", "词表大小", "Vocabulary", "vocabulary size"),
    "training_tokens": ("tokens", "训练 token 数", "Training tokens", "tokens seen in pre-training"),
    "training_data_bytes": ("bytes", "训练数据量", "Training data", "size of the pre-training corpus"),
    "training_compute_flops": ("flops", "训练算力", "Training compute", "pre-training compute"),
    "training_gpu_hours": ("count", "训练 GPU 时", "Training GPU-hours",
                           "GPU-hours of training as published (say which GPU and which stages in `note`)"),
    "batch_size_tokens": ("tokens", "批大小（token）", "Batch size (tokens)", "batch size in tokens"),
    "sft_prompts": ("count", "SFT 提示数", "SFT prompts", "dataset size of the supervised fine-tuning stage"),
    "rm_prompts": ("count", "奖励模型提示数", "RM prompts", "dataset size of the reward-model stage"),
    "ppo_prompts": ("count", "PPO 提示数", "PPO prompts", "dataset size of the PPO stage"),
    "labelers": ("count", "标注人员数", "Labelers", "number of human labellers / contractors"),
    "price_input_usd_per_1k_tokens": (
        "usd", "输入价格（美元/千 token）", "Input price (USD / 1K tokens)", "launch price per 1,000 input tokens"),
    "price_output_usd_per_1k_tokens": (
        "usd", "输出价格（美元/千 token）", "Output price (USD / 1K tokens)", "launch price per 1,000 output tokens"),
    "price_input_usd_per_1m_tokens": (
        "usd", "输入价格（美元/百万 token）", "Input price (USD / 1M tokens)", "launch price per 1M input tokens"),
    "price_output_usd_per_1m_tokens": (
        "usd", "输出价格（美元/百万 token）", "Output price (USD / 1M tokens)", "launch price per 1M output tokens"),
}

FACTS: dict[str, str] = {name: row[0] for name, row in FACT_TABLE.items()}
FACT_LABELS: dict[str, dict[str, str]] = {name: {"zh": row[1], "en": row[2]} for name, row in FACT_TABLE.items()}
DATE_FACTS = tuple(name for name, unit in FACTS.items() if unit == "date")
# Date facts that mark an event in the model's life (its timeline and first date); knowledge_cutoff is not one.
EVENT_DATE_FACTS = tuple(name for name in DATE_FACTS if name.endswith("_date"))

# type: (meaning, zh label, en label)
EDGE_TABLE: dict[str, tuple[str, str, str]] = {
    "architecture_from": ("uses the architecture introduced by the target", "沿用架构", "architecture from"),
    "scaled_from": ("same recipe, scaled up from the target", "放大自", "scaled from"),
    "fine_tuned_from": ("weights initialised from the target and further trained", "微调自", "fine-tuned from"),
    "trained_on_outputs_of": ("trained on data generated by the target", "用其输出训练", "trained on outputs of"),
    "distilled_from": ("distilled from the target", "蒸馏自", "distilled from"),
    "successor_of": ("the owner presents it as the next version of the target", "后继于", "successor of"),
    "based_on": ("a product or system built on the target model", "基于", "based on"),
    "rl_from": ("weights initialised from the target and trained mainly by reinforcement learning", "强化学习自",
                "RL from"),
    "continued_pretraining_of": ("further pre-trained from the target's weights", "继续预训练自",
                                 "continued pre-training of"),
    "quantized_from": ("a quantised version of the target's weights", "量化自", "quantised from"),
}
EDGE_TYPES: dict[str, str] = {name: row[0] for name, row in EDGE_TABLE.items()}
EDGE_LABELS: dict[str, dict[str, str]] = {name: {"zh": row[1], "en": row[2]} for name, row in EDGE_TABLE.items()}

EVIDENCE = {
    "explicit": "stated by the authors; `source` required",
    "inferred": "our reading; `note` required, `source` optional",
}
STATUSES = {
    "reported": "the source states the value (default)",
    "estimated": "a third party estimated it; `estimated_by` required",
    "undisclosed": "the owner chose not to say; no `value`, `source` shows it was withheld",
    "disputed": "sources disagree; `claims` lists two or more competing values",
}
ORGANIZATION_KINDS = ("company", "lab", "university", "community", "individual", "government")
SOURCE_KINDS = ("paper", "blog", "announcement", "model-card", "repository", "documentation", "news", "book",
                "talk", "analysis")
MODEL_KINDS = ("model", "model-series", "product", "code-project", "architecture")
ARCHITECTURES = ("decoder-only", "encoder-only", "encoder-decoder", "encoder-decoder-prefix", "other")
ACCESS = ("open-weights", "api", "product", "closed", "code", "paper-only")
MODALITIES = ("text", "image", "audio", "video")
REASONING = {
    "none": "answers directly, no separate thinking phase",
    "always": "always reasons (thinks) before answering",
    "selectable": "the user or API picks thinking on/off or an effort level",
}
LIFECYCLE_EVENTS = {
    "deprecated": "the owner announced its end (a retirement date may follow)",
    "retired": "no longer available in `scope`",
    "renamed": "renamed in `scope`; `to` gives the new name",
    "released": "became available in `scope` (for scopes other than the date facts, e.g. chatgpt)",
}
LIFECYCLE_SCOPES = {
    "api": "the developer's API",
    "chatgpt": "ChatGPT (or the owner's chat app)",
    "product": "a product built on the model",
    "weights": "downloadable weights",
}
# Which lifecycle scopes a model's `access` is about: a `retired` event in one of them retires the model.
ACCESS_SCOPES = {"api": ("api",), "product": ("chatgpt", "product"), "open-weights": ("weights",)}
LICENSE_KINDS = {
    "permissive": "permissive open-source licence (MIT, Apache, BSD)",
    "copyleft": "copyleft open-source licence (GPL)",
    "open-weight-custom": "a model licence of its own that allows broad use with conditions",
    "non-commercial": "use for research or non-commercial purposes only",
    "proprietary": "terms of service of a closed product or API",
}
COMMERCIAL_USE = {"yes": "allowed", "no": "not allowed", "conditional": "allowed under conditions (see conditions)"}
OUTPUT_USE = {"yes": "allowed", "no": "not allowed", "conditional": "allowed under conditions (see conditions)",
              "unspecified": "the licence does not say"}
TRAINING_METHODS = ("pre-training", "sft", "instruction-tuning", "reward-model", "ppo", "rlhf", "feedme",
                    "code-fine-tuning", "distillation", "lora", "self-instruct", "dialogue-tuning",
                    "multimodal-pretraining")

# Regular expressions, with what they mean in words (used in error messages).
ID_PATTERN = r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
LANGUAGE_PATTERN = r"^[a-z]{2}$"
URL_PATTERN = r"^https?://[^\s]+$"
SNAPSHOT_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
ARXIV_PATTERN = r"^(?:[0-9]{4}\.[0-9]{4,5}|[a-z-]+(?:\.[A-Z]{2})?/[0-9]{7})$"
PATTERN_MEANINGS = {
    ID_PATTERN: "a lowercase id like gpt-3.5-turbo or brown2020-gpt3 (letters a-z, digits, '-' and '.')",
    DATE_PATTERN: "a date YYYY-MM-DD, YYYY-MM or YYYY",
    COUNTRY_PATTERN: "an ISO 3166-1 alpha-2 country code like US or CN",
    LANGUAGE_PATTERN: "an ISO 639-1 language code like en or zh",
    URL_PATTERN: "an http(s) URL",
    SNAPSHOT_PATTERN: "an API model id like gpt-4o-2024-05-13 (letters, digits, '-', '.', '_', ':')",
    ARXIV_PATTERN: "an arXiv id like \"2005.14165\" (quoted, without version)",
}

# Fields whose enum has a value that reads like "unknown" (undisclosed, none, unspecified); the schema checks them.
ENUM_KEYS = frozenset({"status", "reasoning", "use_outputs_to_train"})

# Spellings of "unknown" that are rejected wherever a value is expected (compared lower-cased, stripped).
UNKNOWN_SPELLINGS = frozenset({
    "", "unknown", "none", "n/a", "n.a.", "tbd", "tba", "todo", "?", "??", "-", "--", "—", "null", "nil",
    "undisclosed", "not disclosed", "unspecified", "未知", "不详", "无", "未公开", "待定",
})
