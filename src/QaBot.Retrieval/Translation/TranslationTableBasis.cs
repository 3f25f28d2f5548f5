using System.Security.Cryptography;
using System.Text;
using QaBot.Analysis.Translation;
using QaBot.Core;

namespace QaBot.Retrieval.Translation;

/// <summary>
/// What the stored translation table was built from, stored beside it so that the next ingest can update the table
/// (<see cref="TranslationTableBuilder.Update"/>) instead of building it again: the vocabulary then, what each
/// document yielded to <see cref="CollectionTermMiner"/> (kept for the documents that did not change, so they are
/// not read again), a fingerprint of everything else it depends on (analyzer, builder, lexicon, glossary file), and
/// the hash of the table bytes it belongs to, so a basis never vouches for another table.
/// </summary>
public sealed record TranslationTableBasis(
    byte[] Dependencies,
    byte[] TableHash,
    IReadOnlyDictionary<string, int> Vocabulary,
    IReadOnlyDictionary<string, MinedDocument> Documents)
{
    private const string Magic = "qabot-table-basis-2";

    /// <summary>Whether this basis describes exactly <paramref name="tableBytes"/> built with <paramref name="dependencies"/>.</summary>
    public bool Describes(byte[] tableBytes, byte[] dependencies)
    {
        ArgumentNullException.ThrowIfNull(tableBytes);
        ArgumentNullException.ThrowIfNull(dependencies);
        return Dependencies.AsSpan().SequenceEqual(dependencies) && TableHash.AsSpan().SequenceEqual(SHA256.HashData(tableBytes));
    }

    /// <summary>Whether the documents this basis was built from are exactly the documents of <paramref name="manifest"/>.</summary>
    public bool Describes(IReadOnlyDictionary<string, ManifestEntry> manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Count == Documents.Count
            && manifest.All(entry => Documents.TryGetValue(entry.Key, out var document) && document.Describes(entry.Value));
    }

    public static TranslationTableBasis For(
        byte[] dependencies, byte[] tableBytes, IReadOnlyDictionary<string, int> vocabulary, IReadOnlyDictionary<string, MinedDocument> documents) =>
        new(dependencies, SHA256.HashData(tableBytes), vocabulary, documents);

    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            WriteBytes(writer, Dependencies);
            WriteBytes(writer, TableHash);
            writer.Write(Vocabulary.Count);
            foreach (var (term, frequency) in Vocabulary.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.Write(term);
                writer.Write(frequency);
            }

            writer.Write(Documents.Count);
            foreach (var (path, document) in Documents.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                writer.Write(path);
                writer.Write(document.ContentHash);
                writer.Write(document.PipelineVersion);
                writer.Write(document.ChunkCount);
                writer.Write(document.Findings.Count);
                foreach (var finding in document.Findings)
                {
                    writer.Write(finding.IsIdentity);
                    WriteList(writer, finding.Entry.English);
                    WriteList(writer, finding.Entry.German);
                    WriteList(writer, finding.Entry.Chinese);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>The basis in <paramref name="data"/>, or null when it is not one this version wrote (then the table is built afresh).</summary>
    public static TranslationTableBasis? TryDeserialize(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
            if (reader.ReadString() != Magic)
            {
                return null;
            }

            var dependencies = ReadBytes(reader);
            var tableHash = ReadBytes(reader);
            var terms = Count(reader, data.Length);
            var vocabulary = new Dictionary<string, int>(terms, StringComparer.Ordinal);
            for (var i = 0; i < terms; i++)
            {
                vocabulary[reader.ReadString()] = reader.ReadInt32();
            }

            var count = Count(reader, data.Length);
            var documents = new Dictionary<string, MinedDocument>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var path = reader.ReadString();
                var (hash, version, chunks) = (reader.ReadString(), reader.ReadString(), reader.ReadInt32());
                var findings = new MinedTerm[Count(reader, data.Length)];
                for (var f = 0; f < findings.Length; f++)
                {
                    var identity = reader.ReadBoolean();
                    var entry = new GlossaryEntry(ReadList(reader), ReadList(reader), ReadList(reader));
                    if (entry.English.Count == 0)
                    {
                        return null;
                    }

                    findings[f] = new MinedTerm(entry, identity);
                }

                documents[path] = new MinedDocument(hash, version, chunks, findings);
            }

            return reader.BaseStream.Position == data.Length ? new TranslationTableBasis(dependencies, tableHash, vocabulary, documents) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static void WriteBytes(BinaryWriter writer, byte[] bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static byte[] ReadBytes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 1024);
        return reader.ReadBytes(length);
    }

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> list)
    {
        writer.Write(list.Count);
        foreach (var item in list)
        {
            writer.Write(item);
        }
    }

    // A count read from the data: never more than the bytes it has, so corrupt data cannot ask for huge arrays.
    private static int Count(BinaryReader reader, int dataLength)
    {
        var count = reader.ReadInt32();
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, dataLength);
        return count;
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var count = Count(reader, (int)reader.BaseStream.Length);
        var list = new string[count];
        for (var i = 0; i < count; i++)
        {
            list[i] = reader.ReadString();
        }

        return list;
    }
}

/// <summary>What one document, as its manifest entry describes it, yielded to <see cref="CollectionTermMiner.Mine"/>, passage by passage in order.</summary>
public sealed record MinedDocument(string ContentHash, string PipelineVersion, int ChunkCount, IReadOnlyList<MinedTerm> Findings)
{
    /// <summary>Whether the document is still the one these findings came from.</summary>
    public bool Describes(ManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.ContentHash == ContentHash && entry.PipelineVersion == PipelineVersion && entry.ChunkCount == ChunkCount;
    }
}
