using System.Text;

namespace QaBot.Analysis.Translation;

/// <summary>
/// Binary form of a <see cref="TranslationTable"/>: magic <c>QBTT</c>, a version byte, the candidate limit, the
/// collection languages, then per language pair its keys, each with its candidates (text, collection frequency).
/// Strings are length-prefixed UTF-8, counts and frequencies 7-bit encoded. From version 2 each pair's keys are
/// preceded by their length in bytes, so that reading the table decodes a pair only when it is first used (a
/// question needs the pairs out of its own language only: a third of the table); version 1 is still read.
/// </summary>
internal static class TranslationTableSerializer
{
    private const byte Version = 2;
    private static readonly byte[] Magic = "QBTT"u8.ToArray();

    public static byte[] Serialize(TranslationTable table)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write7BitEncodedInt(table.MaxCandidatesPerPhrase);
            writer.Write7BitEncodedInt(table.CollectionLanguages.Count);
            foreach (var language in table.CollectionLanguages)
            {
                writer.Write(language);
            }

            var pairs = table.Pairs.OrderBy(p => p.Key.From, StringComparer.Ordinal).ThenBy(p => p.Key.To, StringComparer.Ordinal).ToList();
            // Each pair's section stands alone: they are written on all cores, then joined in order.
            var sections = new byte[pairs.Count][];
            Parallel.For(0, pairs.Count, i => sections[i] = SerializePair(pairs[i].Value));
            writer.Write7BitEncodedInt(pairs.Count);
            for (var i = 0; i < pairs.Count; i++)
            {
                writer.Write(pairs[i].Key.From);
                writer.Write(pairs[i].Key.To);
                writer.Write7BitEncodedInt(sections[i].Length);
                writer.Write(sections[i]);
            }
        }

        return stream.ToArray();
    }

    private static byte[] SerializePair(Dictionary<string, TranslationCandidate[]> map)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(map.Count);
            var keys = map.Keys.ToArray();
            Array.Sort(keys, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var candidates = map[key];
                writer.Write(key);
                writer.Write7BitEncodedInt(candidates.Length);
                foreach (var candidate in candidates)
                {
                    writer.Write(candidate.Text);
                    writer.Write7BitEncodedInt(candidate.CollectionFrequency);
                }
            }
        }

        return stream.ToArray();
    }

    public static TranslationTable Deserialize(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
            var version = reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) ? reader.ReadByte() : (byte)0;
            if (version is not (1 or Version))
            {
                throw new InvalidDataException("Not a QaBot translation table of version 1 or 2.");
            }

            var maxCandidates = reader.Read7BitEncodedInt();
            var languages = new string[reader.Read7BitEncodedInt()];
            for (var i = 0; i < languages.Length; i++)
            {
                languages[i] = reader.ReadString();
            }

            var pairCount = reader.Read7BitEncodedInt();
            var pairs = new Dictionary<(string From, string To), Lazy<Dictionary<string, TranslationCandidate[]>>>(pairCount);
            for (var p = 0; p < pairCount; p++)
            {
                var from = reader.ReadString();
                var to = reader.ReadString();
                if (version == 1)
                {
                    pairs[(from, to)] = new Lazy<Dictionary<string, TranslationCandidate[]>>(ReadPair(reader));
                    continue;
                }

                var length = reader.Read7BitEncodedInt();
                var offset = (int)reader.BaseStream.Position;
                if (length < 0 || offset + length > data.Length)
                {
                    throw new InvalidDataException("The translation table is truncated.");
                }

                reader.BaseStream.Position = offset + length;
                pairs[(from, to)] = new Lazy<Dictionary<string, TranslationCandidate[]>>(
                    () => ReadSection(data, offset, length), LazyThreadSafetyMode.ExecutionAndPublication);
            }

            return new TranslationTable(languages, maxCandidates, pairs);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The translation table is truncated.", exception);
        }
    }

    private static Dictionary<string, TranslationCandidate[]> ReadSection(byte[] data, int offset, int length)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data, offset, length, writable: false), Encoding.UTF8);
            return ReadPair(reader);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The translation table is truncated.", exception);
        }
    }

    private static Dictionary<string, TranslationCandidate[]> ReadPair(BinaryReader reader)
    {
        var keyCount = reader.Read7BitEncodedInt();
        var map = new Dictionary<string, TranslationCandidate[]>(keyCount, StringComparer.Ordinal);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < keyCount; k++)
        {
            var key = reader.ReadString();
            var candidates = new TranslationCandidate[reader.Read7BitEncodedInt()];
            for (var c = 0; c < candidates.Length; c++)
            {
                var text = reader.ReadString();
                // Targets repeat across keys; share one string instance per text.
                if (!strings.TryGetValue(text, out var shared))
                {
                    strings[text] = shared = text;
                }

                candidates[c] = new TranslationCandidate(shared, reader.Read7BitEncodedInt());
            }

            map[key] = candidates;
        }

        return map;
    }
}
