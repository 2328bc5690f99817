"""Small word lists the heuristics share, in Simplified Chinese (they are looked up on the Simplified view).

Each list is here because a rule needs it and says which; none is tuned to a particular article.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# Titles and roles written right before a name (特使魏科夫, 白宫发言人凯利): a name ends where they end,
# and a word after one of them is likely a name.
TITLE_WORDS = frozenset("""
总统 副总统 总理 副总理 首相 副首相 外长 外相 防长 财长 部长 副部长 国务卿 特使 发言人 新闻秘书 秘书 秘书长
顾问 主席 副主席 执行长 首席执行官 行政总裁 总裁 董事长 创办人 创始人 教练 主教练 主帅 领队 球员 前锋 后卫 中场 门将
议员 众议员 参议员 国会议员 议长 州长 市长 省长 首长 主任 大使 司令 将军 元帅 上将 中将 少将 总司令 领袖 党魁 党主席
国王 女王 王储 王子 公主 亲王 国王 天皇 皇后 教宗 教皇 大主教 法官 检察官 律师 记者 主播 分析师 经济学家 教授 博士
歌手 演员 导演 作家 艺人 球星 选手 冠军 总长 幕僚长 助理 助手 副手 大臣 官员 代表 谈判代表 首席 前任 现任 候选人
女婿 夫人 妻子 丈夫 儿子 女儿 父亲 母亲 兄弟 姐姐 妹妹 哥哥 弟弟 好友 盟友 对手 老板 局长 署长 行长 会长 院长 校长 社长
""".split())

# Characters that transliterations of foreign names are mostly made of (德米崔耶夫, 克拉斯诺达).
TRANSLITERATION_CHARS = frozenset(
    "阿埃艾爱安昂奥澳巴拔白拜班邦保鲍贝本比彼毕宾波伯博布卜采查柴彻楚茨达戴丹道德登迪蒂丁东杜多敦顿厄鄂恩尔法凡"
    "范菲费芬丰夫弗福伏盖甘冈戈格贡古瓜圭哈海汉豪赫亨洪侯胡华惠霍基吉加佳贾杰捷金津卡凯坎康柯科克肯库夸奎昆拉莱"
    "赖兰朗劳勒雷蕾黎里理丽利莉林琳隆卢鲁路伦罗洛吕马玛迈麦曼芒梅蒙米密敏明莫默姆穆纳娜奈南内尼妮涅纽诺努欧帕潘"
    "庞佩彭皮珀普奇齐契恰乔切钦琴丘屈让热瑞若萨塞赛桑瑟森沙莎尚舍申什施史舒斯松苏索塔泰坦汤唐特提廷图托瓦万"
    "威韦维温沃乌伍武西希锡席夏谢辛休雅亚扬耶伊因英尤于约泽扎詹珍兹佐崔蓓菈妲黛娅琪丝蒂缇"
    # Hong Kong (Cantonese-based) transliterations add these: 查禾查洛巴, 羅拔山齊士, 般奴費南迪斯
    "禾士奴摩廉治仙甸咸卓碧宝坚祖悉拿"
)

# Words an organisation or place name does not run across (for the Chinese side of a gloss): function
# words and common verbs (向田納西州曼菲斯部署|國民兵, 馬斯克的|太空探索科技公司).
PHRASE_BOUNDARIES = frozenset("""
的 之 在 和 与 及 以及 对 将 由 是 为 把 被 从 向 于 据 了 等 并 也 都 还 就 已 曾 而 或 让 使 令 给 跟 同 自 到 至 经 即
该 这 那 其 此 各 每 旗下 前往 宣布 部署 加入 成立 指出 表示 通过 透过 根据 包括 例如 如 与其 前 后 及其 所 属 称 即将 当选
南部 北部 东部 西部 中部 东南部 西南部 东北部 西北部 境内 一带 附近
""".split())

# One-character words that commonly follow a name (李在明|于周三, 艾萨克曼|在): never part of the name.
FUNCTION_CHARS = frozenset("于与和的在是为对向将也则曾又再并就都还已亦由及等说称指被把从到给让使")

# Endings that make a name an organisation or a place rather than a person (社会党, 克拉斯诺达边疆区).
ORG_SUFFIXES = ("党", "部", "委员会", "会", "局", "署", "社", "报", "公司", "集团", "大学", "银行", "组织", "联盟",
                "军", "队", "俱乐部", "基金会", "协会", "中心", "研究所", "电视台", "通讯社", "议会", "法院", "政府")
GPE_SUFFIXES = ("州", "省", "市", "县", "郡", "区", "国", "岛", "城", "镇", "村", "共和国", "王国", "边疆区", "州立")
LOC_SUFFIXES = ("河", "江", "湖", "海", "洋", "山", "峡", "湾", "半岛", "沙漠", "平原", "高原", "地区")
FAC_SUFFIXES = ("宫", "机场", "基地", "大厦", "广场", "体育场", "球场", "中心", "核电站", "港")

# English words that make a glossed name an organisation, place or facility rather than a person.
EN_ORG_WORDS = frozenset("""
party council committee commission ministry department agency bureau office union league association
organization organisation institute university college company corporation corp inc ltd group bank fund
times news post journal press daily weekly magazine tribune herald review telegraph guardian network
television radio channel court parliament congress senate assembly army navy force forces guard police
federation alliance coalition front movement club fc team foundation centre center society board
""".split())
EN_PLACE_WORDS = frozenset("""
city state province county region republic kingdom island islands krai oblast district territory
""".split())
EN_FAC_WORDS = frozenset("palace airport base house tower square stadium arena plant bridge hall".split())
EN_EVENT_WORDS = frozenset("""
tour festival games olympics cup championship championships open war summit conference expo election
crisis protests revolution massacre attacks earthquake tsunami
""".split())
# Endings of event names (時代巡迴演唱會, 阿拉斯加峰會): checked before the organisation endings (…會)
EVENT_SUFFIXES = ("演唱会", "巡演", "峰会", "战争", "战役", "奥运会", "运动会", "世界杯", "锦标赛", "博览会", "大选", "事件",
                  "革命", "大屠杀", "地震", "危机")

# Lowercase words allowed inside an English name (Charles de Gaulle, Ursula von der Leyen, Mohammed bin Salman).
NAME_PARTICLES = frozenset("de del della der di da das do dos du la le van von bin al el ibn y".split())

# Reporting verbs that introduce or close a quotation (看 the token, so 指 is not found in 指挥).
SPEECH_CUES = frozenset("""
说 说道 表示 指出 强调 写道 透露 称 声称 宣称 认为 坦言 回应 告诉 补充 直言 宣布 承诺 形容 解释 感谢 呼吁 警告 批评
质疑 问道 反问 回答 答道 重申 主张 提到 谈到 谈及 说明 表明 证实 否认 抱怨 赞扬 称赞 感叹 叹道 笑称 直指 指 预测 发文
致辞 提醒 声明 喊话 坦承 承认 指称 提及 引述 转述 谴责 抨击 驳斥 表态 回复 留言 撰文 发帖 贴文 分享 道 问 感慨 回忆 续称
""".split())
EN_SPEECH_CUES = ("said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "stated", "states",
                  "explained", "noted", "asked", "argued", "insisted", "declared", "posted", "tweeted", "warned",
                  "claimed", "replied", "continued", "according to")
# `稱他為「殺手」`, `被稱為「…」`, `所謂「…」`: naming a thing, not reporting speech.
NAMING_MARKERS = ("称为", "称作", "被称", "所谓", "名为", "叫做", "号称", "誉为", "视为", "列为", "称之为", "人称")
# `向/對 X 說`: X is spoken to, not the speaker.
ADDRESSEE_MARKERS = ("向", "对", "跟", "给", "与", "和")
PRONOUNS = frozenset("他 她 他们 她们 其 后者 前者".split())
EN_PRONOUNS = frozenset("he she they".split())
# Unnamed speakers (一名美方官员说, 德里斯科的发言人表示): who speaks is a role, not a named entity.
ROLE_NOUNS = ("发言人", "官员", "人士", "消息人士", "幕僚", "团队", "办公室", "律师", "助手", "顾问", "分析师", "专家",
              "记者", "部门", "当局", "高层", "高官", "知情者", "人员")


@lru_cache(maxsize=1)
def jieba_word_counts() -> dict[str, int]:
    """Word frequencies of jieba's own dictionary: how common a word is in general Chinese text (the
    private tokenizer's counts also hold every listed name)."""
    import jieba

    counts: dict[str, int] = {}
    with (Path(jieba.__file__).parent / "dict.txt").open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, *_ = line.split(" ")
            counts[word] = int(freq)
    return counts
