"""Every topic of ../shared/CONTENT.md can be found by the site's search, in both languages.

Searches the built search index the way Material's search does at its core: the text is
split on the configured separator (the build already cut Chinese into words with jieba),
a query word matches a token that starts with it, and a Chinese query is cut into words
with jieba too. A topic is found when every word of its query hits the expected page.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

import jieba
import pytest


# page slug -> (Chinese query, English query) per CONTENT.md topic
TOPICS: dict[str, list[tuple[str, str]]] = {
    "getting-started": [("显卡驱动", "driver"), ("nvidia-smi", "nvidia-smi"),
                        ("虚拟环境", "venv"), ("conda", "conda"), ("platform", "platform"),
                        ("__version__", "__version__"), ("is_available", "is_available"),
                        ("torch.accelerator", "torch.accelerator"), ("代理", "proxy"),
                        ("http_proxy", "http_proxy"), ("root", "root")],
    "workflow": [("超参数", "hyper"), ("损失函数", "loss"), ("优化器", "optimizer"),
                 ("保存", "save")],
    "tensors": [("张量", "tensor"), ("as_tensor", "as_tensor"),
                ("from_numpy", "from_numpy"), ("empty", "empty"), ("zeros_like", "like"),
                ("dtype", "dtype"), ("浅拷贝", "shallow"), ("深拷贝", "deep"),
                ("共享内存", "memory"), ("clone", "clone"), ("shape", "shape"),
                ("device", "device"), ("索引", "indexing"), ("view", "view"),
                ("原地", "in-place"), ("广播", "broadcast"), ("matmul", "matmul"),
                ("einsum", "einsum"), ("item", "item"), ("unsqueeze", "unsqueeze")],
    "autograd": [("计算图", "graph"), ("叶子", "leaf"), ("动态图", "dynamic"),
                 ("requires_grad", "requires_grad"), ("grad_fn", "grad_fn"),
                 ("is_leaf", "is_leaf"), ("梯度累加", "accumulate"), ("标量", "scalar"),
                 ("retain_graph", "retain_graph"), ("retain_grad", "retain_grad"),
                 ("no_grad", "no_grad"), ("detach", "detach"), (".data", ".data"),
                 ("冻结", "frozen"), ("binary_cross_entropy_with_logits",
                                       "binary_cross_entropy_with_logits")],
    "data": [("Dataset", "Dataset"), ("__getitem__", "__getitem__"),
             ("ConcatDataset", "ConcatDataset"), ("csv", "csv"),
             ("DataLoader", "DataLoader"), ("batch_size", "batch_size"),
             ("shuffle", "shuffle"), ("sampler", "sampler"),
             ("batch_sampler", "batch_sampler"), ("num_workers", "num_workers"),
             ("drop_last", "drop_last"), ("pin_memory", "pin_memory"),
             ("collate_fn", "collate_fn"), ("epoch", "epoch"), ("迭代", "iteration"),
             ("next", "next"), ("matplotlib", "matplotlib")],
    "models": [("nn.Module", "nn.Module"), ("super", "super"), ("forward", "forward"),
               ("Sequential", "Sequential"), ("OrderedDict", "OrderedDict"),
               ("ModuleList", "ModuleList"), ("add_module", "add_module"),
               ("nn.Parameter", "nn.Parameter"), ("ParameterList", "ParameterList"),
               ("ParameterDict", "ParameterDict"), ("buffer", "buffer"),
               ("named_parameters", "named_parameters"), ("初始化", "init"),
               ("xavier_normal_", "xavier_normal_"), ("共享参数", "shared"),
               ("dummy", "dummy")],
    "layers": [("functional", "functional"), ("Linear", "Linear"), ("Conv2d", "Conv2d"),
               ("corr2d", "corr2d"), ("MaxPool2d", "MaxPool2d"), ("ceil_mode", "ceil_mode"),
               ("return_indices", "return_indices"), ("Softmax", "Softmax"),
               ("ReLU", "ReLU"), ("Sigmoid", "Sigmoid"), ("Dropout", "Dropout"),
               ("Dropout2d", "Dropout2d"), ("Flatten", "Flatten"), ("归一化", "normalization"),
               ("BatchNorm2d", "BatchNorm2d"), ("LayerNorm", "LayerNorm")],
    "losses-optimizers": [("zero_grad", "zero_grad"), ("小批量", "mini-batch"),
                          ("L1Loss", "L1Loss"), ("MSELoss", "MSELoss"),
                          ("CrossEntropyLoss", "CrossEntropyLoss"),
                          ("NLLLoss", "NLLLoss"), ("LogSoftmax", "LogSoftmax"),
                          ("ignore_index", "ignore_index"),
                          ("label_smoothing", "label_smoothing"),
                          ("reduction", "reduction"), ("weight_decay", "weight_decay"),
                          ("SGD", "SGD"), ("momentum", "momentum"), ("nesterov", "nesterov"),
                          ("Adam", "Adam"), ("Adagrad", "Adagrad"), ("maximize", "maximize"),
                          ("state_dict", "state_dict")],
    "training": [("model.train", "model.train"), ("model.eval", "model.eval"),
                 ("no_grad", "no_grad"), ("准确率", "accuracy")],
    "devices": [("cuda", "cuda"), ("mps", "mps"), ("torch.accelerator", "torch.accelerator"),
                ("cuda:1", "cuda:1"), ("DataParallel", "DataParallel"),
                ("DistributedDataParallel", "DistributedDataParallel"), ("多卡", "GPUs"),
                ("batch", "batch")],
    "saving": [("state_dict", "state_dict"), ("weights_only", "weights_only"),
               ("pickle", "pickle"), ("AttributeError", "AttributeError"),
               ("map_location", "map_location"), ("checkpoint", "checkpoint")],
    "tensorboard": [("SummaryWriter", "SummaryWriter"), ("log_dir", "log_dir"),
                    ("comment", "comment"), ("add_scalar", "add_scalar"),
                    ("add_image", "add_image"), ("load_ext", "load_ext"),
                    ("dashboards", "dashboards")],
    "torchvision": [("Compose", "Compose"), ("ToTensor", "ToTensor"),
                    ("Normalize", "Normalize"), ("Resize", "Resize"),
                    ("RandomCrop", "RandomCrop"), ("v2", "v2"), ("datasets", "datasets"),
                    ("pretrained", "pretrained"), ("DEFAULT", "DEFAULT"),
                    ("transforms", "transforms"), ("acc@1", "acc@1"), ("VGG16", "VGG16")],
    "debugging": [("launch.json", "launch.json"), ("justMyCode", "justMyCode"),
                  ("VS Code", "VS Code"), ("dummy", "dummy")],
}
jieba.setLogLevel(60)


@cache
def tokens_by_page(site: Path) -> dict[str, set[str]]:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    sep = re.compile(index["config"]["separator"])
    pages: dict[str, set[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        text = html.unescape(re.sub(r"<[^>]+>", " ", f'{doc["title"]} {doc["text"]}'))
        words = (_TRIM.sub("", t) for t in sep.split(text.lower()))
        pages.setdefault(page, set()).update(w for w in words if w)
    pages["separator"] = {index["config"]["separator"]}
    return pages


# lunr's trimmer: leading and trailing characters that are not word characters
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TRIM = re.compile(r"^[^\w\u4e00-\u9fff]+|[^\w\u4e00-\u9fff]+$")


def found(tokens: set[str], query: str, separator: str) -> bool:
    parts = [p for p in re.split(separator, query.lower()) if p]
    cut = [x for p in parts for x in (jieba.lcut(p) if _CJK.search(p) else [p])]
    words = [w for w in (_TRIM.sub("", x) for x in cut) if w]
    return all(any(t.startswith(w) for t in tokens) for w in words)


@pytest.mark.parametrize("slug", TOPICS)
def test_topics_are_found_by_search(site: Path, slug: str) -> None:
    pages = tokens_by_page(site)
    zh, en, (sep,) = pages[f"{slug}/"], pages[f"en/{slug}/"], pages["separator"]
    missing = [f"zh:{q}" for q, _ in TOPICS[slug] if not found(zh, q, sep)]
    missing += [f"en:{q}" for _, q in TOPICS[slug] if not found(en, q, sep)]
    assert not missing, f"{slug}: search finds no {missing}"
