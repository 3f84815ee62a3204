using System.Buffers.Binary;
using System.IO.Compression;
using NetTopologySuite.Geometries;

namespace Trygg.SituationReports;

/// <summary>
/// A small RGB raster for maps in documents: polygons filled by scanline (even–odd, so holes stay open), outlines drawn
/// segment by segment, and written as PNG (zlib-compressed rows, CRC-32 per chunk, as the PNG specification says).
/// </summary>
public sealed class PngCanvas
{
    private readonly byte[] pixels;

    public PngCanvas(int width, int height, (byte R, byte G, byte B) background)
    {
        (Width, Height) = (width, height);
        pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = background;
        }
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Fills a polygon or multipolygon given in pixel coordinates (x right, y down).</summary>
    public void Fill(Geometry shape, (byte R, byte G, byte B) colour)
    {
        var edges = Rings(shape).SelectMany(ring => ring.Zip(ring.Skip(1))).ToList();
        var crossings = new List<double>();
        for (var y = 0; y < Height; y++)
        {
            var scan = y + 0.5;
            crossings.Clear();
            foreach (var (a, b) in edges)
            {
                if ((a.Y <= scan) != (b.Y <= scan))
                {
                    crossings.Add(a.X + ((scan - a.Y) / (b.Y - a.Y) * (b.X - a.X)));
                }
            }

            crossings.Sort();
            for (var k = 0; k + 1 < crossings.Count; k += 2)
            {
                for (var x = Math.Max(0, (int)Math.Ceiling(crossings[k] - 0.5)); x <= Math.Min(Width - 1, (int)Math.Floor(crossings[k + 1] - 0.5)); x++)
                {
                    Set(x, y, colour);
                }
            }
        }
    }

    /// <summary>Draws the outline of a polygon or multipolygon given in pixel coordinates.</summary>
    public void Outline(Geometry shape, (byte R, byte G, byte B) colour)
    {
        foreach (var ring in Rings(shape))
        {
            for (var i = 0; i + 1 < ring.Length; i++)
            {
                var steps = (int)Math.Ceiling(Math.Max(Math.Abs(ring[i + 1].X - ring[i].X), Math.Abs(ring[i + 1].Y - ring[i].Y))) + 1;
                for (var s = 0; s <= steps; s++)
                {
                    var t = s / (double)steps;
                    Set((int)(ring[i].X + (t * (ring[i + 1].X - ring[i].X))), (int)(ring[i].Y + (t * (ring[i + 1].Y - ring[i].Y))), colour);
                }
            }
        }
    }

    public byte[] ToPng()
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        (header[8], header[9]) = (8, 2); // 8-bit RGB
        Chunk(output, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var y = 0; y < Height; y++)
                {
                    zlib.WriteByte(0); // no filter
                    zlib.Write(pixels, y * Width * 3, Width * 3);
                }
            }

            Chunk(output, "IDAT", data.ToArray());
        }

        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private void Set(int x, int y, (byte R, byte G, byte B) colour)
    {
        if (x >= 0 && x < Width && y >= 0 && y < Height)
        {
            var at = ((y * Width) + x) * 3;
            (pixels[at], pixels[at + 1], pixels[at + 2]) = colour;
        }
    }

    private static IEnumerable<Coordinate[]> Rings(Geometry shape) => shape switch
    {
        Polygon polygon => new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings).Select(r => r.Coordinates),
        MultiPolygon multi => multi.Geometries.SelectMany(Rings),
        _ => [],
    };

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        output.Write(number);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFF;
    }
}
