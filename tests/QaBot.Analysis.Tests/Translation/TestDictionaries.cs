using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

/// <summary>Small dictionaries in the shipped formats, parsed the way the embedded ones are.</summary>
internal static class TestDictionaries
{
    public const string Cedict = """
        # test excerpt of CC-CEDICT
        神經網絡 神经网络 [shen2 jing1 wang3 luo4] /neural network/
        神經 神经 [shen2 jing1] /nerve/
        網絡 网络 [wang3 luo4] /network/
        人工智能 人工智能 [ren2 gong1 zhi4 neng2] /artificial intelligence (AI)/
        人工 人工 [ren2 gong1] /artificial/manpower/
        智力 智力 [zhi4 li4] /intelligence/
        無人機 无人机 [wu2 ren2 ji1] /drone; unmanned aerial vehicle/
        嗡嗡 嗡嗡 [weng1 weng1] /(onom.) buzz; drone; hum/
        無人 无人 [wu2 ren2] /unmanned/
        公司 公司 [gong1 si1] /company/firm/
        企業 企业 [qi3 ye4] /company; firm; enterprise; corporation/
        工業 工业 [gong1 ye4] /industry/
        商湯 商汤 [Shang1 Tang1] /Shang Tang (1646-? BC), legendary founder of the Shang Dynasty/
        新聞 新闻 [xin1 wen2] /news/
        新 新 [xin1] /new/
        """;

    public const string Ding = """
        # test excerpt of Ding
        Drohne {f} [aviat.] | Drohnen {pl} :: drone | drones
        Unternehmen {n} [econ.] | Unternehmen {pl} :: enterprise; company | enterprises; companies
        künstliche Intelligenz {f} /KI/ :: artificial intelligence /AI/
        neuronales Netz {n} (künstliche Intelligenz) [comp.] :: neural network
        Industrie {f} :: industry
        """;

    public const string Glossary = """
        # en	de	zh
        SenseTime	SenseTime	商汤;商汤科技
        Binhai Bay	Binhai Bay	滨海湾
        """;

    public static BilingualDictionary Create(string glossary = Glossary) =>
        BilingualDictionary.Create(
            CedictParser.Parse(new StringReader(Cedict)).Entries,
            DingParser.Parse(new StringReader(Ding)).Entries,
            GlossaryParser.Parse(new StringReader(glossary)).Entries);
}
