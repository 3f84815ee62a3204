namespace Trygg.Collaboration;

public enum OrganisationKind
{
    ExecutiveBoard,
    DistrictCommittee,
    SpecialistCommittee,
    Company,
    RescueService,
    PoliceRegion,
    PoliceArea,
    /// <summary>Region Stockholm and other regional bodies.</summary>
    Region,
    PropertyOwner,
    Business,
    CivilSociety,
    ExternalPartner,
}
