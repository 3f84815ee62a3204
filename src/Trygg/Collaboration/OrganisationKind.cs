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
    ExternalPartner,
}
