// The Flex Consumption plan and the function app. Everything the app reads is an app setting here: host storage
// and the app's own storage by identity, telemetry with Entra auth, secrets as Key Vault references, and email
// through Communication Services. functions/ComplaintFlow.Infrastructure/Hosting/FunctionsSettings.cs lists the
// same names, and a test keeps the two (and local.settings.sample.json) in step.

import { serviceName, vaultSecrets } from 'names.bicep'

param name string
param planName string
param location string
param tags object

@description('Resource id and client id of the user-assigned identity the app runs as.')
param identityId string
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param appInsightsName string

@description('The vault\'s URI, ending in a slash.')
param vaultUri string

param emailEndpoint string
param emailFrom string
param emailFromName string
param workingHoursTimeZone string

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

resource storage 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployments use Entra tokens; basic (user name and password) publishing stays off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// A reference without a version follows the secret's latest version (App Service re-reads within 24 hours, and at
// once on any configuration change).
var secretsUri = '${vaultUri}secrets'

// A resource of its own, not siteConfig.appSettings, so that it can use the site's own host name.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Functions host, Durable Functions' task hub and the queue trigger: the account by identity.
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId

    // Telemetry, accepted only with an Entra token.
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

    // The identity DefaultAzureCredential uses for clients without a setting of their own (Communication Services).
    AZURE_CLIENT_ID: identityClientId

    // The app's tables and queues (StorageOptions).
    Storage__TableServiceUri: storage.properties.primaryEndpoints.table
    Storage__QueueServiceUri: storage.properties.primaryEndpoints.queue
    Storage__ManagedIdentityClientId: identityClientId

    // Secrets, newest first (WebhookOptions, LinksOptions).
    Webhook__Secrets__0: '@Microsoft.KeyVault(SecretUri=${secretsUri}/${vaultSecrets.webhookCurrent}/)'
    Webhook__Secrets__1: '@Microsoft.KeyVault(SecretUri=${secretsUri}/${vaultSecrets.webhookPrevious}/)'
    Links__Keys__0: '@Microsoft.KeyVault(SecretUri=${secretsUri}/${vaultSecrets.linksCurrent}/)'
    Links__Keys__1: '@Microsoft.KeyVault(SecretUri=${secretsUri}/${vaultSecrets.linksPrevious}/)'
    Ops__Key: '@Microsoft.KeyVault(SecretUri=${secretsUri}/${vaultSecrets.opsKey}/)'
    Links__BaseUrl: 'https://${site.properties.defaultHostName}'

    // Email (EmailOptions, AcsOptions).
    Email__Transport: 'Acs'
    Email__Acs__Endpoint: emailEndpoint
    Email__From: emailFrom
    Email__FromName: emailFromName

    WorkingHours__TimeZone: workingHoursTimeZone
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
