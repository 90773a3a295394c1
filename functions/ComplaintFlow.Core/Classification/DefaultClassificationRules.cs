using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Classification;

/// <summary>
/// The built-in rules (<see cref="ClassificationOptions.DefaultRules"/>): urgent and high-severity signals first, with
/// more weight, then one rule per category. Every category has Chinese and English keywords.
/// </summary>
internal static class DefaultClassificationRules
{
    private const double Strong = 3;
    private const double Clear = 2;
    private const double Topic = 1;

    public static List<ClassificationRule> Create() =>
    [
        // Urgent: the service is unusable, money is taken wrongly, someone may be harmed, or data is gone.
        Rule("crash", Category.TechnicalFailure, Severity.Urgent, Strong,
            "crash*", "force close*", "keeps closing", "闪退", "崩溃", "死机", "自动退出"),
        Rule("data-loss", Category.TechnicalFailure, Severity.Urgent, Strong,
            "data loss", "lost data", "lost my data", "lost all my data", "data was lost", "data is lost", "data lost", "data disappeared",
            "数据丢失", "数据没了", "数据不见了", "记录丢失", "记录全没了"),
        Rule("payment-failure", Category.Payment, Severity.Urgent, Strong,
            "payment failed", "payment fails", "payment failure", "payment declined", "cannot pay", "can't pay", "can not pay", "unable to pay",
            "could not pay", "couldn't pay",
            "支付失败", "无法支付", "不能支付", "付不了款", "付款失败", "支付不了"),
        Rule("double-charge", Category.Payment, Severity.Urgent, Strong,
            "charged twice", "double charge*", "double-charge*", "charged two times", "charged me twice", "charged double",
            "扣款", "扣了两次", "重复扣费", "扣费两次"),
        Rule("safety", null, Severity.Urgent, Strong,
            "safety", "unsafe", "danger", "dangerous", "injur*", "caught fire", "on fire", "explod*", "food poisoning", "poisoned",
            "安全", "危险", "受伤", "起火", "着火", "爆炸", "中毒"),

        // High: money or access held back, a person mistreated, an order gone, personal data exposed.
        Rule("privacy-breach", Category.Privacy, Severity.High, Clear,
            "data leak*", "leaked", "data breach", "privacy breach", "sold my data", "shared my data", "exposed my",
            "泄露", "泄漏", "隐私被", "个人信息被"),
        Rule("account-takeover", Category.Account, Severity.High, Clear,
            "hacked", "account stolen", "stole my account", "unauthori*", "someone logged into my account",
            "被盗", "盗号", "异地登录", "被人登录"),
        Rule("locked-out", Category.Account, Severity.High, Clear,
            "cannot log in", "can't log in", "cannot login", "can't login", "unable to log in", "unable to login", "can't sign in",
            "cannot sign in", "locked out", "account locked", "account suspended", "account banned",
            "无法登录", "登录不了", "登不上", "登陆不了", "账号被封", "封号", "被冻结"),
        Rule("refund-missing", Category.Payment, Severity.High, Clear,
            "refund not received", "no refund", "not refunded", "haven't received my refund", "refund hasn't arrived", "still waiting for my refund",
            "refund still hasn't arrived", "refund has not arrived", "refund still has not arrived", "refused to refund",
            "退款没到账", "退款未到账", "没到账", "未到账", "没收到退款", "钱没退", "还没退", "不给退款", "拒绝退款"),
        Rule("abuse", Category.ServiceAttitude, Severity.High, Clear,
            "insult*", "threat*", "abusive", "verbal abuse", "verbally abused", "swore at", "swearing at", "cursed at",
            "yelled at", "yelling at", "shouted at", "shouting at", "screamed at", "screaming at",
            "辱骂", "骂人", "骂我", "威胁", "恐吓", "打人", "吼我", "冲我吼", "冲我喊", "大吼大叫", "大喊大叫"),
        Rule("lost-order", Category.Delivery, Severity.High, Clear,
            "never arrived", "never received", "never delivered", "lost package", "package lost", "parcel lost", "lost parcel", "missing package",
            "丢件", "没收到货", "包裹丢", "一直没送到"),

        // One topic rule per category.
        Rule("technical", Category.TechnicalFailure, null, Topic,
            "bug*", "error*", "not working", "doesn't work", "does not work", "stopped working", "won't load", "not loading", "fails to load",
            "freez*", "frozen", "glitch*", "white screen", "blank screen", "black screen", "cannot open", "can't open", "won't open", "lag*",
            "卡顿", "卡死", "卡住", "很卡", "报错", "错误", "打不开", "无法打开", "白屏", "黑屏", "故障", "异常", "加载失败", "加载不出", "无响应", "用不了"),
        Rule("payment", Category.Payment, null, Topic,
            "pay", "paid", "paying", "payment*", "refund*", "charge", "charged", "charges", "transaction*", "credit card", "debit card",
            "wallet", "alipay", "wechat pay", "paypal",
            "支付", "付款", "退款", "扣费", "到账", "支付宝", "微信支付", "银行卡", "信用卡", "钱包", "余额"),
        Rule("delivery", Category.Delivery, null, Topic,
            "deliver*", "courier*", "rider*", "shipping", "shipment*", "shipped", "package*", "parcel*", "tracking", "late", "delay*", "dispatch*",
            "配送", "快递", "骑手", "送达", "送到", "超时", "延迟", "延误", "物流", "外卖", "送餐", "包裹", "迟到", "派送", "发货"),
        // Rudeness is about how a person behaved, whoever it was (a courier, an agent): it outweighs the one word naming
        // who, as "态度恶劣" (two topic words) does in Chinese.
        Rule("rudeness", Category.ServiceAttitude, null, Clear,
            "rude*", "impolite", "disrespect*", "unprofessional",
            "态度恶劣", "态度很差", "态度差", "态度不好", "不礼貌", "没礼貌"),
        Rule("attitude", Category.ServiceAttitude, null, Topic,
            "attitude", "unfriendly", "arrogant", "impatient", "ignored me", "hung up on me", "customer service", "support agent",
            "态度", "恶劣", "不耐烦", "服务差", "挂电话", "敷衍", "客服"),
        Rule("quality", Category.ProductQuality, null, Topic,
            "quality", "broken", "damaged", "defect*", "faulty", "fake", "counterfeit", "expired", "spoiled", "rotten", "stale", "mould*", "mold",
            "moldy", "wrong item", "wrong size", "missing parts", "not as described",
            "质量", "破损", "损坏", "坏了", "假货", "过期", "变质", "发霉", "瑕疵", "次品", "不新鲜", "发错"),
        Rule("price", Category.Price, null, Topic,
            "price*", "pricing", "expensive", "overpriced", "overcharg*", "too much", "fee", "fees", "surcharge*", "bill", "billed", "billing",
            "invoice*", "discount*", "coupon*", "promo*",
            "价格", "太贵", "很贵", "贵了", "涨价", "收费", "多收", "费用", "优惠", "账单", "发票", "价钱", "差价"),
        Rule("privacy", Category.Privacy, null, Topic,
            "privacy", "personal data", "personal information", "my data", "spam*", "gdpr", "unsubscribe", "marketing calls", "sold my",
            "隐私", "个人信息", "骚扰", "推销电话", "垃圾短信"),
        Rule("account", Category.Account, null, Topic,
            "account*", "login", "log in", "logged out", "sign in", "sign up", "password*", "verification code", "otp", "username", "register*",
            "账号", "账户", "登录", "登陆", "密码", "验证码", "注册", "注销", "实名"),
        Rule("suggestion", Category.Suggestion, Severity.Low, Topic,
            "suggest*", "feature request", "would be nice", "would be great", "it would be better", "please add", "could you add", "can you add",
            "wish", "idea",
            "建议", "希望能", "希望可以", "希望增加", "能不能加", "能否增加", "如果能", "新功能", "增加一个"),
    ];

    private static ClassificationRule Rule(string name, Category? category, Severity? severity, double weight, params string[] keywords) =>
        new() { Name = name, Category = category, Severity = severity, Weight = weight, Keywords = [.. keywords] };
}
