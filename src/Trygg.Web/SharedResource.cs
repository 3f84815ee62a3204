namespace Trygg.Web;

/// <summary>Anchor for the UI texts. Keys are the Swedish texts; Resources/SharedResource.en.resx holds the English.</summary>
public sealed class SharedResource;
