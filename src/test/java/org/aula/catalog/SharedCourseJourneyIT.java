package org.aula.catalog;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

@RequiresPostgres
@RequiresRedis
class SharedCourseJourneyIT extends CourseJourneyContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
