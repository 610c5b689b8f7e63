package org.aula.catalog;

import java.util.Map;

import org.aula.testsupport.RunningAula;

/**
 * The same two instances, sharing a Redis Cluster of three primaries: the cache's
 * entries, scripts and invalidations work whichever node holds a cache's slot.
 */
class RedisClusterCatalogIT extends ClusterCatalogIT {

	@Override
	Map<String, String> sharedServices() {
		return RunningAula.sharedServicesOnRedisCluster();
	}

}
