#!/usr/bin/env python3
"""Writes models/tasks.csv: the task structure of each ВПР sitting the simulator knows.

Run from the repository root:  python3 models/make_tasks.py
ILLUSTRATIVE, like the «illustrative» scales in scales.csv: task counts, maxima and levels
follow the published shape of the ВПР specifications (basic tasks first, a few advanced
and high-level open-answer tasks at the end, maxima of 1–3), but they are not ФИОКО's
specification for a given year. difficulty and discrimination are item-response
parameters for the simulator (logit scale, difficulty of the first score step); the
readers never use them. The maxima must sum to max_score in scales.csv.
"""
import os, random

# (subject, grade): list of (task, max, level)
SPEC = {
    ("Математика", 4): [("1", 1, "Б"), ("2", 1, "Б"), ("3", 1, "Б"), ("4", 1, "Б"), ("5.1", 1, "Б"), ("5.2", 1, "Б"),
                        ("6.1", 1, "Б"), ("6.2", 1, "Б"), ("7", 1, "Б"), ("8", 2, "П"), ("9.1", 1, "П"), ("9.2", 2, "П"),
                        ("10", 2, "В"), ("11", 2, "В"), ("12", 2, "В")],
    ("Математика", 5): [("1", 1, "Б"), ("2", 1, "Б"), ("3", 1, "Б"), ("4", 2, "Б"), ("5", 1, "Б"), ("6", 2, "Б"),
                        ("7", 2, "Б"), ("8", 2, "П"), ("9.1", 1, "Б"), ("9.2", 2, "П"), ("10", 2, "П"), ("11K1", 1, "Б"),
                        ("12", 2, "В")],
    ("Математика", 8): [("1", 1, "Б"), ("2", 1, "Б"), ("3", 1, "Б"), ("4", 1, "Б"), ("5", 1, "Б"), ("6", 1, "Б"),
                        ("7", 1, "Б"), ("8", 1, "Б"), ("9", 1, "Б"), ("10", 1, "Б"), ("11", 1, "Б"), ("12", 2, "П"),
                        ("13", 2, "П"), ("14", 2, "П"), ("15", 2, "П"), ("16", 2, "В"), ("17", 2, "В"), ("18", 2, "В")],
    ("Русский язык", 4): [("1K1", 4, "Б"), ("1K2", 3, "Б"), ("2", 3, "Б"), ("3.1", 1, "Б"), ("3.2", 3, "Б"), ("4", 3, "Б"),
                          ("5", 2, "Б"), ("6", 3, "П"), ("7", 3, "П"), ("8", 2, "П"), ("9", 3, "П"), ("10", 2, "П"),
                          ("11", 2, "В"), ("12", 2, "В"), ("13", 2, "В")],
    ("Русский язык", 5): [("1K1", 4, "Б"), ("1K2", 3, "Б"), ("1K3", 2, "Б"), ("2K1", 3, "Б"), ("2K2", 3, "Б"), ("2K3", 3, "Б"),
                          ("2K4", 3, "Б"), ("3", 2, "Б"), ("4", 2, "Б"), ("5", 3, "Б"), ("6", 2, "Б"), ("7", 3, "П"),
                          ("8", 3, "П"), ("9", 2, "П"), ("10", 2, "П"), ("11", 2, "В"), ("12", 3, "В")],
    ("Русский язык", 8): [("1K1", 4, "Б"), ("1K2", 3, "Б"), ("1K3", 2, "Б"), ("2K1", 3, "Б"), ("2K2", 3, "Б"), ("2K3", 3, "Б"),
                          ("2K4", 3, "Б"), ("3", 3, "Б"), ("4", 3, "Б"), ("5", 3, "Б"), ("6", 2, "П"), ("7", 3, "П"),
                          ("8", 3, "П"), ("9", 3, "П"), ("10", 3, "П"), ("11", 2, "В"), ("12", 2, "В"), ("13", 3, "В")],
}
# ОГЭ (grade 9), the centrally marked yardstick: one line per task as well.
GIA = {
    ("Математика", 9): [(str(i), 1, "Б") for i in range(1, 20)] + [("20", 2, "П"), ("21", 2, "П"), ("22", 2, "В"),
                                                                  ("23", 2, "П"), ("24", 2, "П"), ("25", 2, "В")],
    ("Русский язык", 9): [("1", 7, "Б")] + [(str(i), 1, "Б") for i in range(2, 13)] + [("13", 9, "П"), ("14", 6, "П")],
}
LEVEL_SHIFT = {"Б": -1.0, "П": 0.4, "В": 1.3}

rng = random.Random(20251)
lines = ["# Written by models/make_tasks.py (illustrative; see its docstring).",
         "# assessment;subject;grade;task;max;level;difficulty;discrimination",
         "#   difficulty: logit of the first score step for an average pupil of the grade;",
         "#   later steps of a polytomous task are 0.8 logits apart."]
for assessment, spec in (("ВПР", SPEC), ("ОГЭ", GIA)):
    for (subject, grade), tasks in spec.items():
        for task, mx, level in tasks:
            b = LEVEL_SHIFT[level] + rng.uniform(-0.6, 0.6)
            a = rng.uniform(0.8, 1.8)
            lines.append(f"{assessment};{subject};{grade};{task};{mx};{level};{b:.2f};{a:.2f}")
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "tasks.csv"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
for (subject, grade), tasks in list(SPEC.items()) + list(GIA.items()):
    print(subject, grade, sum(t[1] for t in tasks))
