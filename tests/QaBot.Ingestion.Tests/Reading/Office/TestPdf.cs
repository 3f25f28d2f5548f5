using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace QaBot.Ingestion.Tests.Reading.Office;

/// <summary>Builds small PDFs in the test with PdfPig's writer and a standard font: text set top-down, left-aligned.</summary>
internal sealed class TestPdf : IDisposable
{
    private const double Left = 72;
    private const double Top = 760;

    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _font;
    private PdfPageBuilder? _page;
    private double _y;

    public TestPdf()
    {
        _font = _builder.AddStandard14Font(Standard14Font.Helvetica);
    }

    public TestPdf Page()
    {
        _page = _builder.AddPage(PageSize.A4);
        _y = Top;
        return this;
    }

    /// <summary>A block of lines in one size, followed by a blank line's space.</summary>
    public TestPdf Block(double size, params string[] lines)
    {
        foreach (var line in lines)
        {
            CurrentPage.AddText(line, size, new PdfPoint(Left, _y), _font);
            _y -= size * 1.25;
        }

        _y -= size * 1.5;
        return this;
    }

    public TestPdf Paragraph(params string[] lines) => Block(10, lines);

    /// <summary>Text at a fixed place, such as a running header or footer.</summary>
    public TestPdf At(string text, double x, double y, double size = 8)
    {
        CurrentPage.AddText(text, size, new PdfPoint(x, y), _font);
        return this;
    }

    /// <summary>A grey picture over most of the page, as a scanner makes.</summary>
    public TestPdf Picture()
    {
        CurrentPage.AddPng(GreyPng(8, 8), new PdfRectangle(50, 50, 545, 790));
        return this;
    }

    public byte[] Build() => _builder.Build();

    public void Dispose() => _builder.Dispose();

    /// <summary>A minimal PNG (8-bit greyscale): signature, IHDR, one zlib IDAT, IEND, each chunk with its CRC.</summary>
    private static byte[] GreyPng(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace 0

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // filter type: none
                zlib.Write(Enumerable.Repeat((byte)200, width).ToArray());
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var number = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private PdfPageBuilder CurrentPage => _page ?? throw new InvalidOperationException("call Page() first");
}
