// One storage account for everything: the Functions host, Durable Functions' task hub (tables, queues, blobs),
// the app's own tables and the intake queues, and the Flex Consumption deployment container.
// Shared keys are off: every client, the platform included, authenticates with Microsoft Entra ID.

param name string
param location string
param tags object

@description('Blob container Flex Consumption deploys the app package into.')
param deploymentContainerName string

// The intake queues, as IntakeQueueOptions names them by default; created here so senders can enqueue before the
// app's first start.
var intakeQueues = [
  'complaints-inbound'
  'complaints-inbound-poison'
]

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = {
  parent: blobs
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-09-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-09-01' = [
  for queue in intakeQueues: {
    parent: queueService
    name: queue
  }
]

output name string = account.name
output deploymentContainerName string = deploymentContainer.name
