// ComplaintFlow on Azure: `azd up` provisions one resource group with the Functions app (Flex Consumption), its
// storage, monitoring, Key Vault and email, then deploys functions/ComplaintFlow.Functions into it.
// No registry modules: everything is in this folder. See docs/deploy.md.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('The azd environment name (AZURE_ENV_NAME); it names the resource group and seeds the other names.')
param environmentName string

@minLength(1)
@description('Region for the regional resources. Flex Consumption is not in every region: `az functionapp list-flexconsumption-locations`.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the principal running azd (AZURE_PRINCIPAL_ID). It gets the storage data roles and may read and write the vault\'s secrets. Empty skips it.')
param principalId string = ''

@description('Where Communication Services keeps email data at rest.')
param emailDataLocation string = 'United States'

@description('Display name on the emails the app sends.')
param emailFromName string = 'ComplaintFlow'

@description('IANA time zone of the complaints team\'s working hours (WorkingHours:TimeZone).')
param workingHoursTimeZone string = 'Asia/Shanghai'

@description('Memory of each Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

// The secrets. main.parameters.json fills each with azd's secretOrRandomPassword: the value already in the vault,
// or a random string when there is none yet (first provision). vault.bicep keeps a value that is already in the
// app's format and builds one from the random string and a GUID below otherwise. They never reach an output.
@secure()
@description('Current webhook secret (vault secret webhook-secret), or a random seed for a new one.')
param webhookSecret string = ''

@secure()
@description('Previous webhook secret, still accepted during a rotation (webhook-secret-previous), or a random seed.')
param webhookSecretPrevious string = ''

@secure()
@description('Current link signing key (links-key), or a random seed for a new one.')
param linksKey string = ''

@secure()
@description('Previous link signing key, still verifying older links (links-key-previous), or a random seed.')
param linksKeyPrevious string = ''

@secure()
@description('The ops pages\' sign-in key (ops-key), or a random seed for a new one.')
param opsKey string = ''

@secure()
@description('Leave at its default: a fresh ARM-generated GUID per deployment, from which vault.bicep derives one value per secret it creates.')
param secretEntropy string = newGuid()

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    workspaceName: 'log-${resourceToken}'
    appInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
  }
}

module email 'app/email.bicep' = {
  name: 'email'
  scope: rg
  params: {
    emailServiceName: 'ecs-${resourceToken}'
    communicationServiceName: 'acs-${resourceToken}'
    dataLocation: emailDataLocation
    tags: tags
  }
}

module vault 'app/vault.bicep' = {
  name: 'vault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    webhookSecret: webhookSecret
    webhookSecretPrevious: webhookSecretPrevious
    linksKey: linksKey
    linksKeyPrevious: linksKeyPrevious
    opsKey: opsKey
    entropy: secretEntropy
  }
}

module access 'app/access.bicep' = {
  name: 'access'
  scope: rg
  params: {
    identityPrincipalId: identity.outputs.principalId
    principalId: principalId
    storageAccountName: storage.outputs.name
    vaultName: vault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    communicationServiceName: email.outputs.communicationServiceName
  }
}

module app 'app/function.bicep' = {
  name: 'app'
  scope: rg
  // The identity must hold its roles before the site reads its deployment container and Key Vault references.
  dependsOn: [
    access
  ]
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    appInsightsName: monitoring.outputs.appInsightsName
    vaultUri: vault.outputs.uri
    emailEndpoint: email.outputs.endpoint
    emailFrom: email.outputs.senderAddress
    emailFromName: emailFromName
    workingHoursTimeZone: workingHoursTimeZone
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.name
@description('Read back by main.parameters.json (secretOrRandomPassword) at the next provision.')
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output SERVICE_API_URI string = app.outputs.uri
@description('Where senders POST complaints (Standard Webhooks signed).')
output COMPLAINTFLOW_WEBHOOK_URL string = '${app.outputs.uri}/api/complaints'
output COMPLAINTFLOW_EMAIL_SENDER string = email.outputs.senderAddress
