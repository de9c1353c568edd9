#!/usr/bin/env python3
"""Writes N realistic PubMed MEDLINE (.nbib) records for the literature benchmark.

Records look like PubMed's export: PMID, OWN, STAT, dates, ISSN, volume/issue, DP, TI, PG, LID
(DOI), a structured abstract (BACKGROUND/METHODS/RESULTS/CONCLUSIONS, 150-250 words with acronyms
such as VAS, ODI, NRS), 2-8 authors (FAU, AU, AD with departments of real-looking hospitals),
LA, MeSH (MH), keywords (OT), PT, journal (TA, JT), SO. About one record in five is a Chinese
article: LA chi, an English title in brackets and TT with the Chinese title, a Chinese journal.
Deterministic (seeded).

    python3 releng/bench/lit-medline-gen.py 100000 /tmp/lit-bench.nbib
"""
import random
import sys

EN_TERMS = ["chronic pain", "neuropathic pain", "postherpetic neuralgia", "low back pain", "lumbar disc herniation",
            "sciatica", "radiofrequency ablation", "spinal cord stimulation", "nerve block", "dorsal root ganglion",
            "microglia", "astrocytes", "exosomes", "neuroinflammation", "central sensitization", "opioid", "ketamine",
            "pregabalin", "gabapentin", "duloxetine", "acupuncture", "transcutaneous electrical nerve stimulation",
            "fibromyalgia", "knee osteoarthritis", "migraine", "trigeminal neuralgia", "cancer pain", "postoperative pain",
            "complex regional pain syndrome", "ultrasound-guided", "epidural steroid injection", "pulsed radiofrequency",
            "functional MRI", "cytokines", "TRPV1", "Nav1.7", "BDNF", "quality of life", "sleep", "depression"]
EN_WORDS = ("patients were randomized to receive treatment or sham and followed for twelve weeks with outcomes "
            "measured at baseline and after intervention the primary outcome was pain intensity secondary outcomes "
            "included disability function analgesic consumption adverse events and satisfaction compared with control "
            "group significant reduction observed mechanism involves modulation of signalling pathways in spinal "
            "dorsal horn neurons rats mice model behavioural tests mechanical allodynia thermal hyperalgesia "
            "expression increased decreased inhibited activation release mediated").split()
ACRONYMS = ["VAS", "NRS", "ODI", "SF-36", "PSQI", "HADS", "BPI", "WOMAC", "JOA", "PHQ-9"]
ZH_TERMS = ["疼痛", "慢性疼痛", "神经病理性疼痛", "带状疱疹后神经痛", "腰椎间盘突出症", "坐骨神经痛", "射频消融", "脊髓电刺激",
            "神经阻滞", "背根神经节", "小胶质细胞", "星形胶质细胞", "外泌体", "神经炎症", "中枢敏化", "阿片类药物", "氯胺酮",
            "普瑞巴林", "针刺", "经皮电神经刺激", "纤维肌痛", "膝骨关节炎", "偏头痛", "三叉神经痛", "癌痛", "术后疼痛",
            "复杂区域疼痛综合征", "超声引导", "硬膜外类固醇注射", "脉冲射频", "功能磁共振", "细胞因子", "生活质量", "睡眠", "抑郁"]
ZH_LINKS = ["治疗", "对", "的", "在", "中的作用", "临床研究", "随机对照试验", "机制研究", "疗效观察", "研究进展", "与", "患者"]
FAMILY = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Smith", "Johnson", "Brown",
          "Garcia", "Miller", "Müller", "Schmidt", "Rossi", "Kim", "Park", "Tanaka", "Nguyen", "Martin", "Dubois"]
GIVEN = ["Li", "Wei", "Jing", "Min", "Hui", "Jun", "Xiaoming", "Yan", "John", "Mary", "David", "Anna", "Peter",
         "Maria", "Luca", "Hans", "Ji-won", "Hiroshi", "Sarah", "Thomas", "Emily", "Karl"]
PLACES = ["Department of Pain Medicine, Peking University Third Hospital, Beijing, China",
          "Department of Anesthesiology, West China Hospital, Sichuan University, Chengdu, China",
          "Pain Research Center, Xuanwu Hospital, Capital Medical University, Beijing, China",
          "Department of Neurology, Massachusetts General Hospital, Boston, MA, USA",
          "Nuffield Department of Clinical Neurosciences, University of Oxford, Oxford, UK",
          "Department of Anaesthesiology, Charité Universitätsmedizin Berlin, Berlin, Germany",
          "Department of Rehabilitation Medicine, Seoul National University Hospital, Seoul, Korea"]
JOURNALS_EN = [("Pain", "Pain", "0304-3959"), ("J Pain Res", "Journal of pain research", "1178-7090"),
               ("Pain Physician", "Pain physician", "1533-3159"), ("Eur J Pain", "European journal of pain (London, England)", "1090-3801"),
               ("Reg Anesth Pain Med", "Regional anesthesia and pain medicine", "1098-7339"),
               ("J Neuroinflammation", "Journal of neuroinflammation", "1742-2094")]
JOURNALS_ZH = [("Zhongguo Teng Tong Yi Xue Za Zhi", "Chinese journal of pain medicine", "1006-9852"),
               ("Zhonghua Yi Xue Za Zhi", "Zhonghua yi xue za zhi", "0376-2491"),
               ("Zhongguo Zhen Jiu", "Zhongguo zhen jiu = Chinese acupuncture & moxibustion", "0255-2930")]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def sentence(rnd, n):
    words = [rnd.choice(EN_WORDS) for _ in range(n)]
    words[rnd.randrange(n)] = rnd.choice(EN_TERMS)
    if rnd.random() < 0.5:
        words[rnd.randrange(n)] = rnd.choice(ACRONYMS)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def wrap(tag, text):
    """MEDLINE lines: tag padded to 4, '- ', continuation lines indented by 6 spaces, about 80 columns."""
    out, line = [], ""
    for w in text.split(" "):
        if line and len(line) + 1 + len(w) > 74:
            out.append(line)
            line = w
        else:
            line = (line + " " + w) if line else w
    out.append(line)
    return "\n".join([f"{tag:<4}- {out[0]}"] + ["      " + l for l in out[1:]])


def record(rnd, i):
    pmid = 30000000 + i
    chinese = rnd.random() < 0.2
    year = rnd.randint(2005, 2025)
    ta, jt, issn = rnd.choice(JOURNALS_ZH if chinese else JOURNALS_EN)
    vol, issue = rnd.randint(1, 170), rnd.randint(1, 12)
    first = rnd.randint(1, 2000)
    pages = f"{first}-{first + rnd.randint(3, 12)}"
    t1, t2 = rnd.sample(EN_TERMS, 2)
    title = f"{t1[0].upper() + t1[1:]} and {t2} in {rnd.choice(['patients', 'rats', 'mice', 'adults', 'older adults'])}: " \
            f"a {rnd.choice(['randomized controlled trial', 'cohort study', 'meta-analysis', 'experimental study', 'review'])}"
    if rnd.random() < 0.4:
        title += f" of {rnd.choice(ACRONYMS)} outcomes"
    lines = [f"PMID- {pmid}", "OWN - NLM", "STAT- MEDLINE", f"DCOM- {year}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}",
             f"IS  - {issn} (Print)", f"VI  - {vol}", f"IP  - {issue}",
             f"DP  - {year} {rnd.choice(MONTHS)}", wrap("TI", f"[{title}]." if chinese else f"{title}."), f"PG  - {pages}",
             f"LID - 10.{rnd.randint(1000, 9999)}/{ta.lower().replace(' ', '')}.{year}.{pmid} [doi]"]
    parts = []
    for label, n in (("BACKGROUND", 2), ("METHODS", 3), ("RESULTS", 3), ("CONCLUSIONS", 1)):
        parts.append(label + ": " + " ".join(sentence(rnd, rnd.randint(14, 24)) for _ in range(n)))
    lines.append(wrap("AB", " ".join(parts)))
    lines.append("CI  - © " + str(year) + " The Authors.")
    for _ in range(rnd.randint(2, 8)):
        fam, giv = rnd.choice(FAMILY), rnd.choice(GIVEN)
        lines.append(f"FAU - {fam}, {giv}")
        lines.append(f"AU  - {fam} {''.join(p[0] for p in giv.split('-'))}")
        lines.append(wrap("AD", rnd.choice(PLACES) + "."))
    lines.append("LA  - " + ("chi" if chinese else "eng"))
    lines.append("PT  - Journal Article")
    if rnd.random() < 0.3:
        lines.append("PT  - Randomized Controlled Trial")
    if chinese:
        a, b = rnd.sample(ZH_TERMS, 2)
        lines.append(f"TT  - {a}{rnd.choice(ZH_LINKS)}{b}{rnd.choice(ZH_LINKS)}{rnd.choice(ZH_TERMS)}")
    lines += [f"PL  - {'China' if chinese else 'United States'}", f"TA  - {ta}", f"JT  - {jt}"]
    for mh in rnd.sample(EN_TERMS, 3):
        lines.append(f"MH  - {mh[0].upper() + mh[1:]}")
    for ot in rnd.sample(EN_TERMS, 4):
        lines.append(f"OT  - {ot}")
    lines.append(f"SO  - {ta}. {year} {rnd.choice(MONTHS)};{vol}({issue}):{pages}.")
    return "\n".join(lines) + "\n"


def main():
    n = int(sys.argv[1])
    rnd = random.Random(13)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(record(rnd, i))
            f.write("\n")


if __name__ == "__main__":
    main()
