package org.painlab.literature.internal.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels a pasted page puts before its fields, in Chinese and English, and what each means.
 * A label counts only at the start of a line and followed by a colon (half or full width) or by
 * the end of the line, so "Title of the talk" in a sentence is not taken for one.
 */
enum Label {
    TITLE_EN("英文题名", "英文篇名", "英文标题", "英文名称", "English title", "Title (English)", "Title in English"),
    TITLE_ZH("中文题名", "中文篇名", "中文标题", "VernacularTitle", "Vernacular title", "原文题名"),
    TITLE("题名", "篇名", "标题", "题目", "原文标题", "原标题", "Title", "Original title"),
    AUTHORS("作者", "Authors", "Author", "Author(s)"),
    AUTHORS_EN("英文作者", "作者(英文)", "作者英文名"),
    AFFILIATIONS("作者单位", "单位", "机构", "作者机构", "Affiliations", "Affiliation", "Author information", "From"),
    ABSTRACT_ZH("中文摘要", "摘要"),
    ABSTRACT_EN("英文摘要", "Abstract", "Summary"),
    KEYWORDS_ZH("中文关键词", "关键词", "关键字"),
    KEYWORDS_EN("英文关键词", "Keywords", "Key words", "Key-words"),
    DOI("DOI"),
    PMID("PMID"),
    JOURNAL("刊名", "期刊", "来源", "出处", "出版物", "Journal", "Source", "Published in"),
    YEAR("年份", "出版年", "发表年份", "Year"),
    VOLUME("卷", "卷号", "Volume"),
    ISSUE("期", "期号", "Issue"),
    PAGES("页码", "页", "Pages"),
    CITE_AS("引用本文", "本文引用格式", "引用格式", "Cite this article", "Cite as", "Citation"),
    /** Present on the page but not a field of a reference (funding, classification numbers...). */
    IGNORED("基金", "基金项目", "资助项目", "Fund", "Funding", "Foundation item", "分类号", "中图分类号", "文献标志码",
            "文章编号", "CLC number", "PMCID", "收稿日期", "修回日期", "Received", "Accepted", "专辑", "专题", "下载",
            "Conflict of interest statement", "Grants and funding", "Full text links", "Figures", "翻译", "编译", "编辑",
            "审校", "排版", "责任编辑", "原文链接", "阅读", "点赞"),
    /** Lists of other works (cited, citing, similar): nothing after it belongs to this reference. */
    STOP("引证文献", "引用文献", "参考文献", "被引期刊", "引用本文的期刊", "相似文献", "同被引文献", "相关文献", "推荐文章",
            "Cited by", "Citing journals", "Citing articles", "Similar articles", "References", "Related articles",
            "MeSH terms", "Publication types", "Substances", "LinkOut - more resources", "Comment in", "Related information");

    private final List<String> names;

    Label(String... names) {
        this.names = List.of(names);
    }

    /** A label at the start of a line and the text after it. */
    record Hit(Label label, String rest) {
    }

    /** The label {@code line} starts with (the longest name of all labels that match), or null. */
    static Hit find(String line) {
        String l = line.strip();
        Hit best = null;
        int bestLength = 0;
        for (Label label : values()) {
            for (String name : label.names) {
                if (name.length() <= bestLength || l.length() < name.length()) {
                    continue;
                }
                boolean ascii = name.chars().allMatch(c -> c < 128);
                String start = l.substring(0, name.length());
                if (ascii ? !start.equalsIgnoreCase(name) : !start.equals(name)) {
                    continue;
                }
                String rest = l.substring(name.length());
                Matcher m = AFTER.matcher(rest);
                if (rest.isBlank()) {
                    best = new Hit(label, "");
                    bestLength = name.length();
                } else if (m.lookingAt()) {
                    best = new Hit(label, rest.substring(m.end()).strip());
                    bestLength = name.length();
                } else if (label == DOI && rest.strip().toLowerCase(Locale.ROOT).startsWith("10.")) {
                    best = new Hit(label, rest.strip());
                    bestLength = name.length();
                }
            }
        }
        return best;
    }

    private static final Pattern AFTER = Pattern.compile("\\s*[:：]\\s*");
}
