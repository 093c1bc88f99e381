#include "gapscore/base/probability.h"

#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace gapscore {

double t_quantile(double probability, double df) {
  const boost::math::students_t distribution(df);
  return boost::math::quantile(distribution, probability);
}

double t_two_sided_p(double t, double df) {
  const boost::math::students_t distribution(df);
  return 2 * boost::math::cdf(boost::math::complement(distribution, std::fabs(t)));
}

double f_quantile(double probability, double df1, double df2) {
  const boost::math::fisher_f distribution(df1, df2);
  return boost::math::quantile(distribution, probability);
}

}  // namespace gapscore
