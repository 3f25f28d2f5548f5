using System.Text;

namespace QaBot.Analysis.Translation;

/// <summary>
/// Binary form of a <see cref="Lexicon"/> (the shipped <c>lexicon.bin.gz</c>, written by tools/dictionaries/compile):
/// magic <c>QBLX</c>, a version byte, per language (en, de, zh) its phrase pool (count, then length-prefixed
/// UTF-8 strings in ordinal order), then per pair its languages, its candidate total and, for every id of the
/// source pool, the candidate count followed by (target id, rank) pairs. Integers are 7-bit encoded.
/// </summary>
internal static class LexiconSerializer
{
    private const byte Version = 1;
    private static readonly byte[] Magic = "QBLX"u8.ToArray();

    public static void Write(Lexicon lexicon, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        foreach (var language in Languages.All)
        {
            var pool = lexicon.Pool(language);
            writer.Write7BitEncodedInt(pool.Length);
            foreach (var phrase in pool)
            {
                writer.Write(phrase);
            }
        }

        writer.Write7BitEncodedInt(lexicon.Pairs.Count);
        foreach (var pair in lexicon.Pairs)
        {
            writer.Write(pair.From);
            writer.Write(pair.To);
            writer.Write7BitEncodedInt(pair.Targets.Length);
            for (var id = 0; id + 1 < pair.Starts.Length; id++)
            {
                writer.Write7BitEncodedInt(pair.Starts[id + 1] - pair.Starts[id]);
                for (var i = pair.Starts[id]; i < pair.Starts[id + 1]; i++)
                {
                    writer.Write7BitEncodedInt(pair.Targets[i]);
                    writer.Write7BitEncodedInt(pair.Ranks[i]);
                }
            }
        }
    }

    /// <exception cref="InvalidDataException">The bytes are not a lexicon of this version.</exception>
    public static Lexicon Read(byte[] data)
    {
        // One flat loop over the bytes: this runs at every table build, also in unoptimized (Debug) builds.
        var position = 0;
        try
        {
            if (!data.AsSpan(0, Magic.Length).SequenceEqual(Magic) || data[Magic.Length] != Version)
            {
                throw new InvalidDataException("Not a QaBot lexicon of version 1.");
            }

            position = Magic.Length + 1;
            var pools = new string[Languages.All.Count][];
            for (var language = 0; language < pools.Length; language++)
            {
                var pool = new string[ReadInt(data, ref position)];
                for (var i = 0; i < pool.Length; i++)
                {
                    pool[i] = ReadString(data, ref position);
                }

                pools[language] = pool;
            }

            var pairs = new LexiconPair[ReadInt(data, ref position)];
            for (var p = 0; p < pairs.Length; p++)
            {
                var from = string.Intern(ReadString(data, ref position));
                var to = string.Intern(ReadString(data, ref position));
                var sourceCount = pools[Lexicon.LanguageIndex(from)].Length;
                var starts = new int[sourceCount + 1];
                var targets = new int[ReadInt(data, ref position)];
                var ranks = new int[targets.Length];
                var next = 0;
                for (var id = 0; id < sourceCount; id++)
                {
                    starts[id] = next;
                    var end = next + ReadInt(data, ref position);
                    for (; next < end; next++)
                    {
                        targets[next] = ReadInt(data, ref position);
                        ranks[next] = ReadInt(data, ref position);
                    }
                }

                starts[sourceCount] = next;
                pairs[p] = new LexiconPair(from, to, starts, targets, ranks);
            }

            return new Lexicon(pools, pairs);
        }
        catch (IndexOutOfRangeException exception)
        {
            throw new InvalidDataException("The lexicon is truncated.", exception);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new InvalidDataException("The lexicon is truncated.", exception);
        }
    }

    private static int ReadInt(byte[] data, ref int position)
    {
        int b = data[position++];
        if (b < 0x80)
        {
            return b;
        }

        var value = b & 0x7F;
        for (var shift = 7; shift < 35; shift += 7)
        {
            b = data[position++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("The lexicon holds a malformed integer.");
    }

    private static string ReadString(byte[] data, ref int position)
    {
        var length = ReadInt(data, ref position);
        var text = Encoding.UTF8.GetString(data, position, length);
        position += length;
        return text;
    }
}
