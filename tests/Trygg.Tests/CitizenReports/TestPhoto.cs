using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Trygg.Tests.CitizenReports;

/// <summary>A real PNG a browser shows, made in the test: one colour, with a text chunk that says where it was taken (which must not survive the upload).</summary>
public static class TestPhoto
{
    public const string Secret = "GPS 59.3884 17.9287";

    public static byte[] Png(int width = 24, int height = 16)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        for (var row = 0; row < height; row++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = (row * ((width * 3) + 1)) + 1 + (x * 3);
                (raw[at], raw[at + 1], raw[at + 2]) = ((byte)40, (byte)120, (byte)200);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 2); // 8 bits, RGB

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "tEXt", Encoding.ASCII.GetBytes("Comment\0" + Secret));
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typed));
        output.Write(number);
    }

    private static uint Crc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
