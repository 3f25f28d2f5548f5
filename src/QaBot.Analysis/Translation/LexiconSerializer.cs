using System.IO.Compression;
using System.Text;

namespace QaBot.Analysis.Translation;

/// <summary>
/// Binary form of a <see cref="Lexicon"/> (the shipped <c>lexicon.bin</c>, written by tools/dictionaries/compile), in
/// sections compressed one by one so that loading decompresses and parses them on all cores at once: magic
/// <c>QBLX</c>, a version byte, per language (en, de, zh) its phrase count, the pair count, then per section its
/// uncompressed and compressed length, then the sections, each deflated. The first sections hold the pools (en, de,
/// zh, each in parts of at most <see cref="PhrasesPerSection"/> length-prefixed UTF-8 phrases in ordinal order), the
/// others one pair each: its languages, its source phrase count, its candidate total and, for every id of the source
/// pool, the candidate count followed by (target id, rank) pairs. Integers are 7-bit encoded.
/// </summary>
internal static class LexiconSerializer
{
    /// <summary>Phrases per pool section: small enough for the sections to spread evenly over the cores.</summary>
    public const int PhrasesPerSection = 65536;

    private const byte Version = 2;

    // Bounds on the counts and lengths a header may give: far above the shipped lexicon's, far below what would exhaust memory.
    private const int MaxCount = 1 << 26;
    private static readonly byte[] Magic = "QBLX"u8.ToArray();

    public static void Write(Lexicon lexicon, Stream stream)
    {
        var sections = new List<byte[]>();
        foreach (var language in Languages.All)
        {
            foreach (var part in lexicon.Pool(language).Chunk(PhrasesPerSection))
            {
                sections.Add(Section(writer =>
                {
                    foreach (var phrase in part)
                    {
                        writer.Write(phrase);
                    }
                }));
            }
        }

        foreach (var pair in lexicon.Pairs)
        {
            sections.Add(Section(writer => WritePair(pair, writer)));
        }

        var compressed = sections.Select(Deflate).ToList();
        using var header = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        header.Write(Magic);
        header.Write(Version);
        foreach (var language in Languages.All)
        {
            header.Write7BitEncodedInt(lexicon.Pool(language).Length);
        }

        header.Write7BitEncodedInt(lexicon.Pairs.Count);
        for (var i = 0; i < sections.Count; i++)
        {
            header.Write7BitEncodedInt(sections[i].Length);
            header.Write7BitEncodedInt(compressed[i].Length);
        }

        foreach (var section in compressed)
        {
            header.Write(section);
        }
    }

    /// <exception cref="InvalidDataException">The bytes are not a lexicon of this version.</exception>
    public static Lexicon Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            if (data.Length <= Magic.Length || !data.AsSpan(0, Magic.Length).SequenceEqual(Magic) || data[Magic.Length] != Version)
            {
                throw new InvalidDataException($"Not a QaBot lexicon of version {Version}.");
            }

            var position = Magic.Length + 1;
            var pools = new string[Languages.All.Count][];
            var sections = new List<(int Language, int First)>();
            for (var language = 0; language < pools.Length; language++)
            {
                pools[language] = new string[ReadCount(data, ref position)];
                for (var first = 0; first < pools[language].Length; first += PhrasesPerSection)
                {
                    sections.Add((language, first));
                }
            }

            var pairCount = ReadCount(data, ref position);
            if (pairCount > Lexicon.DirectPairs.Length || sections.Count + pairCount > (data.Length - position) / 2)
            {
                throw new InvalidDataException("The lexicon's header gives more sections than it can hold.");
            }

            var pairs = new LexiconPair[pairCount];
            var lengths = new (int Raw, int Compressed, int Offset)[sections.Count + pairs.Length];
            for (var i = 0; i < lengths.Length; i++)
            {
                lengths[i] = (ReadCount(data, ref position), ReadCount(data, ref position), 0);
            }

            for (var i = 0; i < lengths.Length; i++)
            {
                lengths[i].Offset = position;
                position = checked(position + lengths[i].Compressed);
            }

            if (position != data.Length)
            {
                throw new InvalidDataException("The lexicon is truncated.");
            }

            // The biggest sections first, so that no core is left with one big section at the end.
            var order = Enumerable.Range(0, lengths.Length).OrderByDescending(i => lengths[i].Raw).ToArray();
            Parallel.ForEach(order, i =>
            {
                var section = Inflate(data, lengths[i]);
                var at = 0;
                if (i < sections.Count)
                {
                    var (language, first) = sections[i];
                    var pool = pools[language];
                    var end = Math.Min(pool.Length, first + PhrasesPerSection);
                    for (var id = first; id < end; id++)
                    {
                        pool[id] = ReadString(section, ref at);
                    }
                }
                else
                {
                    pairs[i - sections.Count] = ReadPair(section, ref at, pools);
                }

                if (at != section.Length)
                {
                    throw new InvalidDataException("A section of the lexicon has bytes left over.");
                }
            });

            if (pairs.DistinctBy(p => (p.From, p.To)).Count() != pairs.Length)
            {
                throw new InvalidDataException("The lexicon holds a language pair twice.");
            }

            return new Lexicon(pools, pairs);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is InvalidDataException or IndexOutOfRangeException or ArgumentException))
        {
            throw new InvalidDataException("The lexicon is corrupt.", exception.InnerExceptions[0]);
        }
        catch (IndexOutOfRangeException exception)
        {
            throw new InvalidDataException("The lexicon is truncated.", exception);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new InvalidDataException("The lexicon is truncated.", exception);
        }
        catch (OverflowException exception)
        {
            throw new InvalidDataException("The lexicon is corrupt.", exception);
        }
    }

    private static void WritePair(LexiconPair pair, BinaryWriter writer)
    {
        writer.Write(pair.From);
        writer.Write(pair.To);
        writer.Write7BitEncodedInt(pair.Starts.Length - 1);
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

    // One flat loop over the bytes: this runs at every table build, also in unoptimized (Debug) builds.
    // The pools' sizes are known from the header before any section is read: the pair is checked against them as it is read.
    private static LexiconPair ReadPair(byte[] data, ref int position, string[][] pools)
    {
        var from = string.Intern(ReadString(data, ref position));
        var to = string.Intern(ReadString(data, ref position));
        if (!Languages.IsKnown(from) || !Languages.IsKnown(to))
        {
            throw new InvalidDataException($"The lexicon holds a pair of unknown languages, {from}–{to}.");
        }

        var targetCount = (uint)pools[Lexicon.LanguageIndex(to)].Length;
        var sourceCount = ReadCount(data, ref position);
        if (sourceCount != pools[Lexicon.LanguageIndex(from)].Length)
        {
            throw new InvalidDataException($"The lexicon's {from}–{to} pair does not match its pool.");
        }

        var starts = new int[sourceCount + 1];
        var targets = new int[ReadCount(data, ref position)];
        var ranks = new int[targets.Length];
        var next = 0;
        for (var id = 0; id < sourceCount; id++)
        {
            starts[id] = next;
            var end = next + ReadCount(data, ref position);
            if (end > targets.Length)
            {
                throw new InvalidDataException("A pair of the lexicon holds more candidates than it says.");
            }

            for (; next < end; next++)
            {
                targets[next] = ReadInt(data, ref position);
                if ((uint)targets[next] >= targetCount)
                {
                    throw new InvalidDataException($"The lexicon's {from}–{to} pair names a phrase its target pool does not hold.");
                }

                ranks[next] = ReadInt(data, ref position);
            }
        }

        starts[sourceCount] = next;
        return next == targets.Length ? new LexiconPair(from, to, starts, targets, ranks) : throw new InvalidDataException($"The lexicon's {from}–{to} pair holds fewer candidates than it says.");
    }

    private static byte[] Section(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static byte[] Deflate(byte[] section)
    {
        using var stream = new MemoryStream();
        using (var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(section);
        }

        return stream.ToArray();
    }

    private static byte[] Inflate(byte[] data, (int Raw, int Compressed, int Offset) section)
    {
        var bytes = new byte[section.Raw];
        using var deflate = new DeflateStream(new MemoryStream(data, section.Offset, section.Compressed, writable: false), CompressionMode.Decompress);
        try
        {
            deflate.ReadExactly(bytes);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("A section of the lexicon is truncated.", exception);
        }

        return bytes;
    }

    private static int ReadCount(byte[] data, ref int position)
    {
        var count = ReadInt(data, ref position);
        return count is >= 0 and <= MaxCount ? count : throw new InvalidDataException("The lexicon gives an impossible count.");
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
