using Trygg.Collaboration;

namespace Trygg.Web.Collaboration;

/// <summary>The Swedish names the pages show for samverkan's kinds (the keys of the interface's translations).</summary>
public static class CollaborationText
{
    public static string Kind(OrganisationKind kind) => kind switch
    {
        OrganisationKind.ExecutiveBoard => "Kommunstyrelse",
        OrganisationKind.DistrictCommittee => "Stadsdelsnämnd",
        OrganisationKind.SpecialistCommittee => "Facknämnd",
        OrganisationKind.Company => "Bolag",
        OrganisationKind.RescueService => "Räddningstjänst",
        OrganisationKind.PoliceRegion => "Polisregion",
        OrganisationKind.PoliceArea => "Lokalpolisområde",
        OrganisationKind.Region => "Region",
        OrganisationKind.PropertyOwner => "Fastighetsägare",
        OrganisationKind.Business => "Näringsliv",
        OrganisationKind.CivilSociety => "Civilsamhälle",
        OrganisationKind.ExternalPartner => "Annan samverkanspart",
    };

    public static string Kind(GroupKind kind) => kind switch
    {
        GroupKind.Steering => "Styrgrupp",
        GroupKind.Preparatory => "Beredningsgrupp",
        GroupKind.Working => "Arbetsgrupp",
    };

    public static string Kind(AgreementKind kind) => kind switch
    {
        AgreementKind.Collaboration => "Samverkansöverenskommelse",
        AgreementKind.CitizenPromise => "Medborgarlöfte",
    };

    public static string Kind(SteeringDocumentKind kind) => kind switch
    {
        SteeringDocumentKind.Program => "Program",
        SteeringDocumentKind.Strategy => "Strategi",
        SteeringDocumentKind.Agreement => "Överenskommelse",
        SteeringDocumentKind.Other => "Annat styrdokument",
    };

    public static string Category(InvestmentCategory category) => category switch
    {
        InvestmentCategory.Lighting => "Belysning",
        InvestmentCategory.Cameras => "Kameror",
        InvestmentCategory.Barriers => "Fysiska hinder",
        InvestmentCategory.Vegetation => "Vegetation",
        InvestmentCategory.SquareRenovation => "Upprustning av torg",
        InvestmentCategory.Other => "Annat",
    };
}
