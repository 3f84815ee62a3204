using System.Buffers.Binary;

namespace Trygg.CitizenReports;

/// <summary>
/// Checks that an upload is a JPEG or PNG photo by its bytes (not by what the browser claims) and removes what could say
/// where and by whom it was taken: JPEG's EXIF, XMP, IPTC and comment segments, PNG's eXIf, text and time chunks. The image
/// itself is copied byte for byte.
/// </summary>
public static class PhotoCleaner
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The cleaned photo and its content type, or why it was refused (in Swedish).</summary>
    public static (byte[]? Data, string? ContentType, string? Error) Clean(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxBytes)
        {
            return (null, null, string.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), $"Bilden är för stor ({data.Length / (1024 * 1024.0):0.0} MB); högst {MaxBytes / (1024 * 1024)} MB."));
        }

        if (data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return Jpeg(data) is { } jpeg ? (jpeg, "image/jpeg", null) : (null, null, "Bilden är en trasig JPEG-fil.");
        }

        ReadOnlySpan<byte> pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (data.StartsWith(pngSignature))
        {
            return Png(data) is { } png ? (png, "image/png", null) : (null, null, "Bilden är en trasig PNG-fil.");
        }

        return (null, null, "Bara foton i JPEG- eller PNG-format tas emot.");
    }

    private static byte[]? Jpeg(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data[..2]);
        var at = 2;
        while (at + 4 <= data.Length)
        {
            if (data[at] != 0xFF)
            {
                return null;
            }

            var marker = data[at + 1];
            if (marker == 0xDA)
            {
                output.Write(data[at..]); // start of scan: the image data to the end
                return output.ToArray();
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            if (length < 2 || at + 2 + length > data.Length)
            {
                return null;
            }

            // Keep JFIF (APP0), the colour profile (APP2) and Adobe's colour transform (APP14); drop EXIF/XMP (APP1), IPTC (APP13), the rest and comments.
            var drop = marker is >= 0xE1 and <= 0xEF and not 0xE2 and not 0xEE || marker == 0xFE;
            if (!drop)
            {
                output.Write(data.Slice(at, 2 + length));
            }

            at += 2 + length;
        }

        return null;
    }

    private static byte[]? Png(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data[..8]);
        var at = 8;
        while (at + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
            if (length > int.MaxValue || at + 12 + (long)length > data.Length)
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(data.Slice(at + 4, 4));
            var chunk = data.Slice(at, 12 + (int)length);
            if (type is not ("eXIf" or "tEXt" or "zTXt" or "iTXt" or "tIME"))
            {
                output.Write(chunk);
            }

            at += chunk.Length;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }

        return null;
    }
}
