namespace Trygg.Security;

/// <summary>A save refused because free text held personal data; nothing of the save was written.</summary>
public sealed class PersonalDataException(string message) : InvalidOperationException(message);
