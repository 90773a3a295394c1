// Email through Azure Communication Services: an Email Communication Service with an Azure-managed domain
// (<guid>.azurecomm.net, no DNS to set up), and a Communication Service linked to it that the app calls with its
// managed identity. Access keys are disabled, so there is no connection string to leak.

param emailServiceName string
param communicationServiceName string
param tags object

@description('Where Communication Services keeps data at rest, e.g. United States, Europe, Asia Pacific.')
param dataLocation string

resource emailService 'Microsoft.Communication/emailServices@2026-03-18' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2026-03-18' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2026-03-18' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      domain.id
    ]
    disableLocalAuth: true
  }
}

output communicationServiceName string = communication.name
output endpoint string = 'https://${communication.properties.hostName}'
@description('The sender address the Azure-managed domain provides.')
output senderAddress string = 'DoNotReply@${domain.properties.mailFromSenderDomain}'
